-- CON-4: official accounts as provisioned by account-service, keyed by account id, with where they
-- stand (PROVISIONED, LIVE, SUSPENDED, CLOSED); fed by OfficialAccountProjection from account-service's
-- events. version is the upstream aggregate's.
CREATE TABLE official_live_account_view (
    id              VARCHAR(36)   NOT NULL,
    school_id       VARCHAR(64)   NOT NULL,
    application_id  VARCHAR(36)   NOT NULL,
    platform        VARCHAR(20)   NOT NULL,
    handle          VARCHAR(64)   NOT NULL,
    display_name    VARCHAR(120)  NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    version         BIGINT        NOT NULL,
    PRIMARY KEY (id),
    KEY ix_live_account_school (school_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- CON-4: a pupil's name in a caption is found by one indexed lookup of the text's words.
CREATE INDEX ix_pupil_given_name ON pupil_view (school_id, given_name_key);
CREATE INDEX ix_pupil_family_name ON pupil_view (school_id, family_name_key);
