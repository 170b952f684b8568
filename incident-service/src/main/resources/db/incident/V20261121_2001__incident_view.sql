-- Read model of incidents (INC-1, INC-2, INC-7), fed by IncidentProjection; rebuilt by replay.
-- what_happened is MEDIUMTEXT: a narrative of up to 102,400 characters is more than TEXT's 64 KiB.
CREATE TABLE incident_view (
    id                        VARCHAR(36)   NOT NULL,
    school_id                 VARCHAR(64)   NOT NULL,
    status                    VARCHAR(20)   NOT NULL,
    version                   BIGINT        NOT NULL,
    reporter_id               VARCHAR(255)  NOT NULL,
    category                  VARCHAR(40)   NOT NULL,
    what_happened             MEDIUMTEXT    NOT NULL,
    occurred_at               TIMESTAMP(6)  NOT NULL,
    platform                  VARCHAR(100)  NOT NULL,
    location                  TEXT          NOT NULL,
    official_account_involved BOOLEAN       NOT NULL,
    people_involved           MEDIUMTEXT    NOT NULL,
    assigned_role             VARCHAR(10)   NOT NULL,
    routing_reason            VARCHAR(40)   NOT NULL,
    reported_at               TIMESTAMP(6)  NOT NULL,
    status_changed_at         TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_incident_school_reported (school_id, reported_at, id),
    KEY ix_incident_school_status (school_id, status, reported_at, id),
    KEY ix_incident_school_category (school_id, category, reported_at, id),
    KEY ix_incident_school_reporter (school_id, reporter_id, reported_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
