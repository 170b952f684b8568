-- AUD-3 and AUD-4, decision 9 point 3: how far the store has been checked for personal fields stored
-- in plaintext (events written before sealing, or before a field was classified as personal), and
-- under which classification. A changed classification checks the whole store again.
CREATE TABLE event_reseal_progress (
    id               TINYINT      NOT NULL,
    checked_through  BIGINT       NOT NULL,
    classification   CHAR(64)     NOT NULL,
    checked_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
