-- The roster from the MIS (CON-6) and each pupil's objection (CON-2), fed by PupilRosterProjection and
-- rebuilt by replay. version is the pupil record's aggregate version of the last event applied here.
-- given_name_key and family_name_key are lower case without accents, for the name check of CON-4.
CREATE TABLE pupil_view (
    id               VARCHAR(36)   NOT NULL,
    school_id        VARCHAR(64)   NOT NULL,
    pupil_id         VARCHAR(64)   NOT NULL,
    given_name       VARCHAR(100)  NOT NULL,
    family_name      VARCHAR(100)  NOT NULL,
    given_name_key   VARCHAR(100)  NOT NULL,
    family_name_key  VARCHAR(100)  NOT NULL,
    year_group       VARCHAR(40)   NOT NULL,
    date_of_birth    DATE          NOT NULL,
    left_on          DATE          NULL,
    objected_at      TIMESTAMP(6)  NULL,
    version          BIGINT        NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_pupil_school_pupil (school_id, pupil_id),
    KEY ix_pupil_school_year (school_id, year_group, family_name_key, given_name_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- CON-1: which adults hold parental responsibility for which pupils; a parent reads only these pupils.
-- id is pupil_consent_id/adult_id.
CREATE TABLE pupil_parent_view (
    id         VARCHAR(110) NOT NULL,
    school_id  VARCHAR(64)  NOT NULL,
    adult_id   VARCHAR(64)  NOT NULL,
    pupil_id   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_pupil_parent_adult (school_id, adult_id, pupil_id),
    KEY ix_pupil_parent_pupil (school_id, pupil_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- CON-3: a withdrawn consent stays as a row, marked, so that a redelivered older event cannot revive it.
ALTER TABLE channel_consent_view
    ADD COLUMN withdrawn_by VARCHAR(64)  NULL,
    ADD COLUMN withdrawn_at TIMESTAMP(6) NULL;
