-- AUD-4: the register of erasures (UK GDPR Art. 17, Art. 5(2) accountability), written in the
-- transaction of each SubjectErasedEvent. Ids and grounds only: nothing of what was erased.
CREATE TABLE subject_erasure (
    erasure_id     CHAR(36)      NOT NULL,
    school_id      VARCHAR(64)   NOT NULL,
    subject_type   VARCHAR(32)   NOT NULL,
    subject_id     VARCHAR(255)  NOT NULL,
    ground         VARCHAR(32)   NOT NULL,
    erased_records TEXT          NOT NULL,
    erased_by      VARCHAR(255)  NOT NULL,
    erased_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (erasure_id),
    KEY ix_subject_erasure_school (school_id, erased_at, erasure_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
