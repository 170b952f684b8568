-- Relationship declarations (ACC-10), fed by DeclarationProjection; read by SLT and the DSL only.
CREATE TABLE declaration_view (
    id            VARCHAR(36)   NOT NULL,
    school_id     VARCHAR(64)   NOT NULL,
    version       BIGINT        NOT NULL,
    staff_id      VARCHAR(255)  NOT NULL,
    related_to    VARCHAR(10)   NOT NULL,
    person_name   VARCHAR(200)  NOT NULL,
    nature        VARCHAR(20)   NOT NULL,
    details       TEXT          NULL,
    status        VARCHAR(10)   NOT NULL,
    declared_at   TIMESTAMP(6)  NOT NULL,
    decided_by    VARCHAR(255)  NULL,
    reason        TEXT          NULL,
    decided_at    TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_declaration_school_declared (school_id, declared_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
