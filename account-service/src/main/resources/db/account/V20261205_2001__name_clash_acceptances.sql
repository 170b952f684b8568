-- ACC-3 (issue 15): a surname in an account's name or handle is a clash; SLT may accept one for an
-- application with a reason (NameClashAcceptedEvent). ApplicationProjection keeps each acceptance
-- for the application's read model and history; its reason is sealed under the APPLICATION and set
-- to NULL when the application is erased (ApplicationErasureScope).
CREATE TABLE application_name_clash_view (
    id              VARCHAR(60)   NOT NULL,
    application_id  VARCHAR(36)   NOT NULL,
    school_id       VARCHAR(64)   NOT NULL,
    revision        INT           NOT NULL,
    word            VARCHAR(120)  NOT NULL,
    reason          TEXT          NULL,
    accepted_by     VARCHAR(255)  NOT NULL,
    accepted_at     TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_name_clash_application (application_id, accepted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- ACC-3, ACC-4: the words accepted for an application hold for the account provisioned from it, so
-- AccountLookupProjection keeps them beside the approval. No application had any before this.
ALTER TABLE application_lookup
    ADD COLUMN accepted_words TEXT NULL;

UPDATE application_lookup SET accepted_words = '[]';

ALTER TABLE application_lookup
    MODIFY accepted_words TEXT NOT NULL;
