-- INC-2: notifications to the assignee of an incident, an outbox a real sender drains. The text
-- names only the category and a link, never a person or the narrative. Fed by NotificationProjection.
CREATE TABLE incident_notification (
    id             VARCHAR(64)  NOT NULL,
    school_id      VARCHAR(64)  NOT NULL,
    incident_id    VARCHAR(36)  NOT NULL,
    recipient_role VARCHAR(10)  NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    text           VARCHAR(500) NOT NULL,
    link           VARCHAR(200) NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    delivered_at   TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    KEY ix_notification_school_role (school_id, recipient_role, created_at, id),
    KEY ix_notification_undelivered (delivered_at, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
