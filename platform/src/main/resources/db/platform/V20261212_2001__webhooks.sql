-- INT-1: signed webhooks (decision 12). A subscription is the same in every service (the gateway
-- gives each the same id and secret); deliveries are written by the 'webhooks' processor in the
-- transaction of its token update, one per matching subscription and event, and sent by the
-- dispatcher. No personal data: a URL of the subscriber's system, ids, types and statuses.
CREATE TABLE webhook_subscription (
    subscription_id  CHAR(36)      NOT NULL,
    school_id        VARCHAR(64)   NOT NULL,
    url              VARCHAR(2048) NOT NULL,
    -- comma-separated webhook types (WebhookType), each readable by subscriber_roles
    event_types      VARCHAR(1024) NOT NULL,
    -- the roles of whoever subscribed: what the payloads may tell
    subscriber_roles VARCHAR(255)  NOT NULL,
    -- whsec_ + base64: shown once to the subscriber, needed here to sign; never logged or answered
    secret           VARCHAR(128)  NOT NULL,
    created_by       VARCHAR(255)  NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    deleted_at       DATETIME(6)   NULL,
    PRIMARY KEY (subscription_id),
    KEY ix_webhook_subscription_school (school_id, deleted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE webhook_delivery (
    -- the order deliveries were made in: event order per record
    position         BIGINT        NOT NULL AUTO_INCREMENT,
    -- the webhook-id header: the same on every attempt and redelivery
    delivery_id      CHAR(36)      NOT NULL,
    subscription_id  CHAR(36)      NOT NULL,
    school_id        VARCHAR(64)   NOT NULL,
    event_id         VARCHAR(255)  NOT NULL,
    event_type       VARCHAR(64)   NOT NULL,
    -- the aggregate the event belongs to: deliveries of one record go out one at a time, in order
    record_id        VARCHAR(255)  NOT NULL,
    payload          MEDIUMTEXT    NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    -- where the retry window (smp.webhooks.retry-for) starts: the first attempt, or the first after a
    -- redelivery (a delivery waiting behind an earlier one of its record has not started its window)
    window_start     DATETIME(6)   NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    -- a dispatcher sending the row holds it until then; another instance skips it
    claimed_until    DATETIME(6)   NULL,
    last_attempt_at  DATETIME(6)   NULL,
    last_status      INT           NULL,
    last_error       VARCHAR(255)  NULL,
    delivered_at     DATETIME(6)   NULL,
    PRIMARY KEY (position),
    UNIQUE KEY ux_webhook_delivery_id (delivery_id),
    UNIQUE KEY ux_webhook_delivery_event (subscription_id, event_id),
    KEY ix_webhook_delivery_due (state, next_attempt_at),
    KEY ix_webhook_delivery_record (subscription_id, record_id, state, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
