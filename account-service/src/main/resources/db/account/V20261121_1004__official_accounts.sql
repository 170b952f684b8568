-- ACC-4 look-up of applications and policy versions, kept by AccountLookupProjection in the
-- transaction of the events (set-based validation for provisioning).
CREATE TABLE application_lookup (
    id              VARCHAR(36)  NOT NULL,
    school_id       VARCHAR(64)  NOT NULL,
    approved        BOOLEAN      NOT NULL,
    provisioned     BOOLEAN      NOT NULL,
    platform        VARCHAR(20)  NOT NULL,
    administrators  TEXT         NOT NULL,
    privacy         VARCHAR(10)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE policy_version_lookup (
    school_id       VARCHAR(64)  NOT NULL,
    version         INT          NOT NULL,
    PRIMARY KEY (school_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Official accounts as they stand (ACC-4, ACC-5, ACC-9), fed by AccountProjection.
CREATE TABLE account_view (
    id                 VARCHAR(36)   NOT NULL,
    school_id          VARCHAR(64)   NOT NULL,
    application_id     VARCHAR(36)   NOT NULL,
    status             VARCHAR(12)   NOT NULL,
    version            BIGINT        NOT NULL,
    platform           VARCHAR(20)   NOT NULL,
    handle             VARCHAR(64)   NOT NULL,
    display_name       VARCHAR(120)  NOT NULL,
    administrators     TEXT          NOT NULL,
    privacy            VARCHAR(10)   NOT NULL,
    aup_link           VARCHAR(2000) NOT NULL,
    who_may_post       TEXT          NULL,
    followers_approved BOOLEAN       NOT NULL,
    tagging_off        BOOLEAN       NOT NULL,
    policy_version     INT           NOT NULL,
    acknowledged       TEXT          NULL,
    trained            TEXT          NULL,
    out_of_date        TEXT          NULL,
    flagged            BOOLEAN       NOT NULL,
    review_due         DATE          NULL,
    status_reason      TEXT          NULL,
    provisioned_at     TIMESTAMP(6)  NOT NULL,
    went_live_at       TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_account_school_provisioned (school_id, provisioned_at, id),
    KEY ix_account_school_status (school_id, status, provisioned_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every decision on an account, in order (reads: decision history).
CREATE TABLE account_history_view (
    id           VARCHAR(60)   NOT NULL,
    account_id   VARCHAR(36)   NOT NULL,
    school_id    VARCHAR(64)   NOT NULL,
    sequence     BIGINT        NOT NULL,
    event_type   VARCHAR(40)   NOT NULL,
    actor_id     VARCHAR(255)  NULL,
    detail       TEXT          NULL,
    at           TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_history_account (account_id, sequence)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
