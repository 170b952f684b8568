-- The first answer to each POST sent with an Idempotency-Key, per school and caller.
-- A row with response_status NULL is a request still in progress.
CREATE TABLE idempotency_record (
    school_id        VARCHAR(64)  NOT NULL,
    actor_id         VARCHAR(255) NOT NULL,
    idempotency_key  VARCHAR(128) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    response_status  INT,
    response_type    VARCHAR(100),
    response_body    LONGBLOB,
    response_location VARCHAR(1000),
    response_etag    VARCHAR(100),
    created_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (school_id, actor_id, idempotency_key),
    KEY ix_idempotency_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
