-- Issue 12: consent-service's notification outbox, in the shape the platform's NotificationSender
-- drains (see incident_notification): a takedown opened by a withdrawal (CON-3), an objection
-- (CON-2) or a leaver (CON-6) is e-mailed to the school's ACCOUNT_ADMIN mailboxes, with the cause
-- and a link only. last_error never names a person or an address.
CREATE TABLE consent_notification (
    id              VARCHAR(64)  NOT NULL,
    school_id       VARCHAR(64)  NOT NULL,
    recipient_role  VARCHAR(20)  NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    text            VARCHAR(500) NOT NULL,
    link            VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    delivered_at    TIMESTAMP(6) NULL,
    delivery_state  VARCHAR(10)  NOT NULL DEFAULT 'PENDING',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    last_error      VARCHAR(200) NULL,
    PRIMARY KEY (id),
    KEY ix_consent_notification_due (delivery_state, next_attempt_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
