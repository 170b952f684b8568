-- The publication register (CON-5) and takedowns (CON-3), fed in event order by the publications
-- processor (one segment), rebuilt by replay. version is the publication's aggregate version.
CREATE TABLE publication_view (
    id                   VARCHAR(36)    NOT NULL,
    school_id            VARCHAR(64)    NOT NULL,
    channel              VARCHAR(30)    NOT NULL,
    official_account_id  VARCHAR(36)    NULL,
    link                 VARCHAR(2000)  NOT NULL,
    published_on         DATE           NOT NULL,
    check_id             CHAR(64)       NOT NULL,
    registered_by        VARCHAR(64)    NOT NULL,
    registered_at        TIMESTAMP(6)   NOT NULL,
    status               VARCHAR(20)    NOT NULL,
    takedown_opened_at   TIMESTAMP(6)   NULL,
    taken_down_at        TIMESTAMP(6)   NULL,
    taken_down_by        VARCHAR(64)    NULL,
    version              BIGINT         NOT NULL,
    PRIMARY KEY (id),
    KEY ix_publication_school_status (school_id, status, registered_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- CON-5: find publications by pupil; CON-3: find what a withdrawal on a channel must take down.
-- id is publication_id/pupil_id. takedown_opened_at is set when this pupil's withdrawal opened a takedown.
CREATE TABLE publication_pupil_view (
    id                  VARCHAR(110)  NOT NULL,
    publication_id      VARCHAR(36)   NOT NULL,
    school_id           VARCHAR(64)   NOT NULL,
    pupil_id            VARCHAR(64)   NOT NULL,
    channel             VARCHAR(30)   NOT NULL,
    takedown_opened_at  TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_publication_pupil (school_id, pupil_id, channel),
    KEY ix_publication_pupil_publication (publication_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
