-- Issue 12: the outbox is drained by the platform's NotificationSender (e-mail), which keeps each
-- notification's delivery state here: PENDING until sent (SENT), logged for want of an SMTP host
-- (LOGGED), or parked after its last attempt (FAILED). last_error says why an attempt failed and
-- never names a person or an address. Rows already delivered by the old in-process drain are SENT.
ALTER TABLE incident_notification
    ADD COLUMN delivery_state  VARCHAR(10)  NOT NULL DEFAULT 'PENDING',
    ADD COLUMN attempts        INT          NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at TIMESTAMP(6) NULL,
    ADD COLUMN last_error      VARCHAR(200) NULL;

UPDATE incident_notification SET delivery_state = 'SENT' WHERE delivered_at IS NOT NULL;
UPDATE incident_notification SET next_attempt_at = created_at;

ALTER TABLE incident_notification
    MODIFY COLUMN next_attempt_at TIMESTAMP(6) NOT NULL,
    DROP INDEX ix_notification_undelivered,
    ADD KEY ix_notification_due (delivery_state, next_attempt_at, id);
