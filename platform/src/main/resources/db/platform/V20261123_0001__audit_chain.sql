-- AUD-3: the hash chain over the event table, written in the transaction that appends the events
-- (platform ChainedEventStorageEngine). chain_seq numbers the events 1, 2, 3... in commit order
-- with no gaps; chain_hash(n) = SHA-256(chain_hash(n-1) || entry_hash(n)), entry_hash over the
-- exact stored row (docs/audit.md). The other columns index the trail for the replay API and are
-- not part of any hash.
CREATE TABLE event_chain (
    chain_seq            BIGINT       NOT NULL,
    global_index         BIGINT       NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    entry_hash           BINARY(32)   NOT NULL,
    chain_hash           BINARY(32)   NOT NULL,
    school_id            VARCHAR(64)  NOT NULL,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255) NOT NULL,
    event_type           VARCHAR(255) NOT NULL,
    occurred_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (chain_seq),
    UNIQUE KEY uk_event_chain_global_index (global_index),
    KEY ix_event_chain_school (school_id, chain_seq),
    KEY ix_event_chain_aggregate (aggregate_identifier, chain_seq),
    KEY ix_event_chain_occurred (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row: the head of the chain. Every append locks it (SELECT ... FOR UPDATE) before its rows
-- take their global_index, so appends commit in global_index order and a processor can never pass
-- an index whose transaction is still open (AxonFramework issue 4829).
CREATE TABLE event_chain_head (
    id         TINYINT    NOT NULL,
    chain_seq  BIGINT     NOT NULL,
    chain_hash BINARY(32) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
INSERT INTO event_chain_head (id, chain_seq, chain_hash) VALUES (1, 0, REPEAT(CHAR(0), 32));

-- Signed checkpoints handed to auditors (AUD-3). Kept so that the service can list them; an
-- auditor's own copy is what proves anything.
CREATE TABLE audit_checkpoint (
    chain_seq    BIGINT       NOT NULL,
    global_index BIGINT       NOT NULL,
    chain_hash   BINARY(32)   NOT NULL,
    issued_at    VARCHAR(40)  NOT NULL,
    key_id       VARCHAR(64)  NOT NULL,
    signature    VARCHAR(200) NOT NULL,
    PRIMARY KEY (chain_seq, key_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Global indexes that an event stream stopped waiting for (a gap it gave up on). If a row with
-- such an index exists, a processor skipped a committed event: the delivery health check is DOWN.
CREATE TABLE event_gap_skip (
    source       VARCHAR(64) NOT NULL,
    global_index BIGINT      NOT NULL,
    dropped_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (source, global_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
