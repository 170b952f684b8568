-- INC-1: evidence items. The bytes live here, never in an event; EvidenceAddedEvent fixes their
-- SHA-256. Written by the evidence endpoint before its command (a refused command deletes the row),
-- read only by the DSL and SLT (INC-7). The case file lists the items' descriptions.
CREATE TABLE incident_evidence (
    id          VARCHAR(36)  NOT NULL,
    school_id   VARCHAR(64)  NOT NULL,
    incident_id VARCHAR(36)  NOT NULL,
    media_type  VARCHAR(100) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    content     LONGBLOB     NOT NULL,
    stored_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_evidence_incident (school_id, incident_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE incident_view ADD COLUMN evidence MEDIUMTEXT NULL;
