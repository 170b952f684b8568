-- ACC-8: the comments, queries and complaints official accounts received and their answers,
-- fed by AccountMessageProjection.
CREATE TABLE account_message_view (
    id           VARCHAR(36)   NOT NULL,
    account_id   VARCHAR(36)   NOT NULL,
    school_id    VARCHAR(64)   NOT NULL,
    version      BIGINT        NOT NULL,
    type         VARCHAR(12)   NOT NULL,
    channel      VARCHAR(20)   NOT NULL,
    summary      TEXT          NOT NULL,
    received_at  TIMESTAMP(6)  NOT NULL,
    logged_by    VARCHAR(255)  NOT NULL,
    logged_at    TIMESTAMP(6)  NOT NULL,
    due_at       TIMESTAMP(6)  NOT NULL,
    answered_at  TIMESTAMP(6)  NULL,
    answered_by  VARCHAR(255)  NULL,
    answer       TEXT          NULL,
    PRIMARY KEY (id),
    KEY ix_message_account_received (school_id, account_id, received_at, id),
    KEY ix_message_school_received (school_id, received_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- ACC-8 look-up of who administers each account and whether it is closed (who may log and
-- answer), kept by AccountAdministratorLookup in the transaction of the account's events.
CREATE TABLE account_administrator_lookup (
    account_id      VARCHAR(36)  NOT NULL,
    school_id       VARCHAR(64)  NOT NULL,
    administrators  TEXT         NOT NULL,
    closed          BOOLEAN      NOT NULL,
    PRIMARY KEY (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- ACC-8: each school's holidays, kept by SchoolHolidayLookup in the transaction of their events.
CREATE TABLE school_holiday_lookup (
    school_id   VARCHAR(64)   NOT NULL,
    version     BIGINT        NOT NULL,
    holidays    TEXT          NOT NULL,
    updated_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (school_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- ACC-5, ACC-7 look-up of what each member of staff did to be fit to run an account, across the
-- school's accounts (a handover goes to a fit member of staff only), kept by StaffFitnessLookup
-- in the transaction of the account's events.
CREATE TABLE staff_fitness_lookup (
    id                    VARCHAR(330)  NOT NULL,
    school_id             VARCHAR(64)   NOT NULL,
    staff_id              VARCHAR(255)  NOT NULL,
    acknowledged_version  INT           NOT NULL,
    trained               BOOLEAN       NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Subscribing processors do not replay (decision 5), so the two account look-ups start from the
-- accounts as the account_view read model has them; on a new schema both are empty.
INSERT INTO account_administrator_lookup (account_id, school_id, administrators, closed)
SELECT id, school_id, administrators, status = 'CLOSED' FROM account_view;

INSERT INTO staff_fitness_lookup (id, school_id, staff_id, acknowledged_version, trained)
SELECT CONCAT(f.school_id, '/', f.staff_id), f.school_id, f.staff_id, MAX(f.version), MAX(f.trained)
FROM (SELECT a.school_id, j.staff_id, a.policy_version AS version, FALSE AS trained
      FROM account_view a,
           JSON_TABLE(a.acknowledged, '$[*]' COLUMNS (
               staff_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$')) j
      UNION ALL
      SELECT a.school_id, j.staff_id, 0 AS version, TRUE AS trained
      FROM account_view a,
           JSON_TABLE(a.trained, '$[*]' COLUMNS (
               staff_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$')) j) f
GROUP BY f.school_id, f.staff_id;
