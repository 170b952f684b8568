-- Decision 8: a key is held by one attempt at a time (claim_id) for a lease; the transaction
-- that commits the request's events marks the record committed, with the record it changed, so
-- a retry can tell "never committed" (take the key over once the lease has run out) from
-- "committed, answer lost" (never run again). Existing rows get a lease that has already run out.
ALTER TABLE idempotency_record
    ADD COLUMN claim_id          CHAR(36)     NULL AFTER request_hash,
    ADD COLUMN lease_until       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) AFTER claim_id,
    ADD COLUMN committed_at      TIMESTAMP(6) NULL DEFAULT NULL AFTER lease_until,
    ADD COLUMN committed_record  VARCHAR(255) NULL AFTER committed_at,
    ADD COLUMN committed_version BIGINT       NULL AFTER committed_record,
    ADD UNIQUE KEY uk_idempotency_claim (claim_id);
