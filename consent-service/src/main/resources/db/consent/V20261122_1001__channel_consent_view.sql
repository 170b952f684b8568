-- Read model of image consent (CON-1): the consent that stands for each pupil and channel, fed by
-- PupilConsentProjection and rebuilt by replay. version is the pupil record's aggregate version.
CREATE TABLE channel_consent_view (
    id                VARCHAR(80)   NOT NULL,
    pupil_consent_id  VARCHAR(36)   NOT NULL,
    school_id         VARCHAR(64)   NOT NULL,
    pupil_id          VARCHAR(64)   NOT NULL,
    channel           VARCHAR(30)   NOT NULL,
    given_by          VARCHAR(64)   NOT NULL,
    method            VARCHAR(20)   NOT NULL,
    form_reference    VARCHAR(120),
    given_on          DATE          NOT NULL,
    valid_until       DATE          NOT NULL,
    recorded_at       TIMESTAMP(6)  NOT NULL,
    version           BIGINT        NOT NULL,
    PRIMARY KEY (id),
    KEY ix_channel_consent_pupil (school_id, pupil_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
