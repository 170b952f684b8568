-- Handovers on departure (ACC-7), fed by AccountProjection.
CREATE TABLE handover_view (
    id                   VARCHAR(36)   NOT NULL,
    account_id           VARCHAR(36)   NOT NULL,
    school_id            VARCHAR(64)   NOT NULL,
    leaver_id            VARCHAR(255)  NOT NULL,
    status               VARCHAR(12)   NOT NULL,
    fit_administrators   TEXT          NOT NULL,
    due_at               TIMESTAMP(6)  NOT NULL,
    opened_at            TIMESTAMP(6)  NOT NULL,
    escalated_at         TIMESTAMP(6)  NULL,
    completed_at         TIMESTAMP(6)  NULL,
    new_administrator_id VARCHAR(255)  NULL,
    PRIMARY KEY (id),
    KEY ix_handover_school_opened (school_id, opened_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
