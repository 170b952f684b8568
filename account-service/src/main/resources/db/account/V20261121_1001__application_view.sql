-- Read model of applications (ACC-1, ACC-2), fed by ApplicationProjection; rebuilt by replay.
CREATE TABLE application_view (
    id                VARCHAR(36)   NOT NULL,
    school_id         VARCHAR(64)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    revision          INT           NOT NULL,
    version           BIGINT        NOT NULL,
    applicant_id      VARCHAR(255)  NOT NULL,
    platform          VARCHAR(20)   NOT NULL,
    proposed_name     VARCHAR(120)  NOT NULL,
    proposed_handle   VARCHAR(64),
    aim               TEXT          NOT NULL,
    audience          TEXT          NOT NULL,
    promotion         TEXT          NOT NULL,
    administrators    TEXT          NOT NULL,
    privacy           VARCHAR(10)   NOT NULL,
    privacy_reason    TEXT          NOT NULL,
    submitted_at      TIMESTAMP(6)  NOT NULL,
    withdrawn_at      TIMESTAMP(6)  NULL,
    withdrawal_reason TEXT,
    PRIMARY KEY (id),
    KEY ix_application_school_submitted (school_id, submitted_at, id),
    KEY ix_application_school_status (school_id, status, submitted_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
