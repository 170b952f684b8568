-- The subject access request register (AUD-4, UK GDPR Art. 15 and 12(3)), fed by SubjectAccessProjection;
-- read by SLT and AUDITOR. Dates are the school's calendar days.
CREATE TABLE subject_access_request_view (
    id                VARCHAR(36)   NOT NULL,
    school_id         VARCHAR(64)   NOT NULL,
    version           BIGINT        NOT NULL,
    subject_type      VARCHAR(10)   NOT NULL,
    subject_id        VARCHAR(255)  NOT NULL,
    received_on       DATE          NOT NULL,
    requested_by      TEXT          NULL,
    due_on            DATE          NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    recorded_by       VARCHAR(255)  NOT NULL,
    recorded_at       TIMESTAMP(6)  NOT NULL,
    extension_months  INT           NULL,
    extension_reason  TEXT          NULL,
    extended_by       VARCHAR(255)  NULL,
    fulfilled_on      DATE          NULL,
    fulfilled_by      VARCHAR(255)  NULL,
    PRIMARY KEY (id),
    KEY ix_sar_school_recorded (school_id, recorded_at, id),
    KEY ix_sar_school_due (school_id, status, due_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
