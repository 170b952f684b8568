-- account-service's applications for official accounts as this service knows them from its events
-- (ARCHITECTURE 3), fed by OfficialAccountProjection and rebuilt by replay. version is the upstream
-- aggregate's. Only what consent needs: no applicant or administrators (personal data stays there).
CREATE TABLE official_account_view (
    id              VARCHAR(36)   NOT NULL,
    school_id       VARCHAR(64)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    version         BIGINT        NOT NULL,
    platform        VARCHAR(20)   NOT NULL,
    name            VARCHAR(120)  NOT NULL,
    handle          VARCHAR(64),
    submitted_at    TIMESTAMP(6)  NOT NULL,
    withdrawn_at    TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_official_account_school_submitted (school_id, submitted_at, id),
    KEY ix_official_account_school_status (school_id, status, submitted_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
