-- ACC-2: the decision on the current revision, and every revision with its own decision.
ALTER TABLE application_view
    ADD COLUMN decided_by      VARCHAR(255) NULL,
    ADD COLUMN decision_reason TEXT         NULL,
    ADD COLUMN decided_at      TIMESTAMP(6) NULL;

CREATE TABLE application_revision_view (
    id              VARCHAR(48)   NOT NULL,
    application_id  VARCHAR(36)   NOT NULL,
    school_id       VARCHAR(64)   NOT NULL,
    revision        INT           NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    platform        VARCHAR(20)   NOT NULL,
    proposed_name   VARCHAR(120)  NOT NULL,
    proposed_handle VARCHAR(64),
    aim             TEXT          NOT NULL,
    audience        TEXT          NOT NULL,
    promotion       TEXT          NOT NULL,
    administrators  TEXT          NOT NULL,
    privacy         VARCHAR(10)   NOT NULL,
    privacy_reason  TEXT          NOT NULL,
    submitted_at    TIMESTAMP(6)  NOT NULL,
    closed_by       VARCHAR(255)  NULL,
    closing_reason  TEXT          NULL,
    closed_at       TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_revision_application (application_id, revision)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
