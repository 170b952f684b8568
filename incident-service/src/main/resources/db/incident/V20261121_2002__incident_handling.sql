-- Assessment (INC-3), escalations (INC-4), takedowns (INC-5) and closure (INC-6) on the incident
-- read model, and the case history in plain words (INC-6). Fed by IncidentProjection and
-- IncidentHistoryProjection; rebuilt by replay. JSON documents are MEDIUMTEXT like people_involved.
ALTER TABLE incident_view
    ADD COLUMN assessment_due_at  TIMESTAMP(6) NULL,
    ADD COLUMN assessment_overdue BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN assessment         MEDIUMTEXT   NULL,
    ADD COLUMN escalations        MEDIUMTEXT   NULL,
    ADD COLUMN takedowns          MEDIUMTEXT   NULL,
    ADD COLUMN closure            MEDIUMTEXT   NULL,
    ADD KEY ix_incident_school_assigned (school_id, assigned_role, reported_at, id),
    ADD KEY ix_incident_school_overdue (school_id, assessment_overdue, reported_at, id);

CREATE TABLE incident_history (
    id          VARCHAR(64)  NOT NULL,
    incident_id VARCHAR(36)  NOT NULL,
    seq         BIGINT       NOT NULL,
    school_id   VARCHAR(64)  NOT NULL,
    at          TIMESTAMP(6) NOT NULL,
    actor_id    VARCHAR(255) NOT NULL,
    actor_roles VARCHAR(255) NOT NULL,
    what        TEXT         NOT NULL,
    why         TEXT         NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_incident_history_seq (incident_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
