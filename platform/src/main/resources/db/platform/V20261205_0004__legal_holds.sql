-- AUD-4: legal holds placed by a school on a subject (LegalHoldPlacedEvent), until released.
CREATE TABLE legal_hold (
    hold_id       CHAR(36)     NOT NULL,
    school_id     VARCHAR(64)  NOT NULL,
    subject_type  VARCHAR(32)  NOT NULL,
    subject_id    VARCHAR(255) NOT NULL,
    basis         VARCHAR(32)  NOT NULL,
    until         DATE         NULL,
    placed_by     VARCHAR(255) NOT NULL,
    placed_at     DATETIME(6)  NOT NULL,
    released_at   DATETIME(6)  NULL,
    PRIMARY KEY (hold_id),
    KEY ix_legal_hold_subject (school_id, subject_type, subject_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
