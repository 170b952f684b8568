-- CON-2, CON-6: a takedown opens for a withdrawal (CON-3), an objection or a leaver; a leaver's
-- publication may instead be listed for review. Rows stored before have no cause: all were withdrawals.
ALTER TABLE publication_pupil_view
    ADD COLUMN takedown_cause    VARCHAR(30)   NULL,
    ADD COLUMN review_opened_at  TIMESTAMP(6)  NULL;

-- CON-6: the review of a publication featuring leavers: OPEN until decided (KEEP or TAKE_DOWN), then DONE.
ALTER TABLE publication_view
    ADD COLUMN review_status     VARCHAR(10)   NULL,
    ADD COLUMN review_opened_at  TIMESTAMP(6)  NULL,
    ADD COLUMN reviewed_at       TIMESTAMP(6)  NULL,
    ADD COLUMN reviewed_by       VARCHAR(64)   NULL,
    ADD COLUMN review_decision   VARCHAR(20)   NULL;
CREATE INDEX ix_publication_school_review ON publication_view (school_id, review_status, review_opened_at, id);

-- CON-2, CON-6: pupils who object (until it is lifted) or left, as the publications processor has seen
-- them in its event order, so that a publication registered after it (its check passed just before)
-- still gets its takedown or review. id is school/pupil/kind.
CREATE TABLE publication_pupil_restriction (
    id         VARCHAR(200) NOT NULL,
    school_id  VARCHAR(64)  NOT NULL,
    pupil_id   VARCHAR(64)  NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
-- The objections and leavers recorded before this table existed, as the roster read model holds them.
INSERT INTO publication_pupil_restriction (id, school_id, pupil_id, kind)
SELECT CONCAT(school_id, '/', pupil_id, '/OBJECTED'), school_id, pupil_id, 'OBJECTED'
FROM pupil_view WHERE objected_at IS NOT NULL;
INSERT INTO publication_pupil_restriction (id, school_id, pupil_id, kind)
SELECT CONCAT(school_id, '/', pupil_id, '/LEFT'), school_id, pupil_id, 'LEFT'
FROM pupil_view WHERE left_on IS NOT NULL;

-- CON-6: what the school does with a leaver's publications, per channel (REVIEW unless set).
-- version is the settings aggregate's.
CREATE TABLE leaver_publications_setting (
    id         VARCHAR(100)  NOT NULL,
    school_id  VARCHAR(64)   NOT NULL,
    channel    VARCHAR(30)   NOT NULL,
    choice     VARCHAR(20)   NOT NULL,
    set_by     VARCHAR(64)   NOT NULL,
    set_at     TIMESTAMP(6)  NOT NULL,
    version    BIGINT        NOT NULL,
    PRIMARY KEY (id),
    KEY ix_leaver_publications_school (school_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
