-- AUD-4, decision 9: one AES-256 data key per data subject (a person, or a record whose free text
-- may name several people), wrapped (AES-GCM) by the service's master key. Erasure nulls the
-- wrapped key and keeps the row, so the subject never silently gets a new key.
CREATE TABLE subject_key (
    subject_type  VARCHAR(32)   NOT NULL,
    subject_id    VARCHAR(255)  NOT NULL,
    wrapped_key   VARBINARY(64) NULL,
    created_at    TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    destroyed_at  TIMESTAMP(6)  NULL DEFAULT NULL,
    PRIMARY KEY (subject_type, subject_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
