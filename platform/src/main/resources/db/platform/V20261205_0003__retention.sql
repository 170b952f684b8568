-- AUD-4: a school's retention periods where it changed the suite's default (RetentionPeriodSetEvent),
-- and what the retention schedule last did for the school: how many subjects it erased, and the
-- holds that kept others (ids and dates only).
CREATE TABLE retention_period (
    school_id        VARCHAR(64)  NOT NULL,
    retention_class  VARCHAR(32)  NOT NULL,
    period           VARCHAR(32)  NOT NULL,
    set_by           VARCHAR(255) NOT NULL,
    set_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (school_id, retention_class)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE retention_run (
    school_id  VARCHAR(64)  NOT NULL,
    ran_at     DATETIME(6)  NOT NULL,
    erased     INT          NOT NULL,
    held       TEXT         NOT NULL,
    PRIMARY KEY (school_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
