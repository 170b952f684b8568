-- Issue 11: events a processor could not handle are parked here instead of being skipped (Axon's
-- JdbcSequencedDeadLetterQueue, one queue per processing group, DeadLetterQueues). Owned here like
-- Axon's other stores: snake_case names and LONGBLOB payloads. A row holds a copy of the event as the
-- configured event serializer wrote it, its tracking token and why it failed; a row with no cause
-- was parked behind an earlier event of the same sequence (aggregate), to keep their order.
-- Timestamps are Axon's ISO-8601 strings, compared as text by the queue.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              LONGBLOB      NOT NULL,
    meta_data            LONGBLOB,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                LONGBLOB,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          LONGBLOB,
    PRIMARY KEY (dead_letter_id),
    -- Also serves Axon's look-ups by group, and by group and sequence.
    UNIQUE KEY uk_dead_letter_sequence_index (processing_group, sequence_identifier, sequence_index),
    -- ReadYourWrites asks whether the event a request waits for was parked.
    KEY ix_dead_letter_event (event_identifier)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
