-- INC-5: when a takedown request to a platform falls due. A school's own period per platform
-- (takedown_period, kept in the transaction of TakedownPeriodSetEvent, read by the next request),
-- and every takedown request of a school (incident_takedown, fed by TakedownProjection and rebuilt
-- from the first event) to list those open or overdue. Neither holds text anyone wrote: who was
-- asked stays in incident_view, where erasure clears it.
CREATE TABLE takedown_period (
    id           VARCHAR(255) NOT NULL,
    school_id    VARCHAR(64)  NOT NULL,
    platform_key VARCHAR(100) NOT NULL,
    platform     VARCHAR(100) NOT NULL,
    hours        INT          NOT NULL,
    set_by       VARCHAR(255) NOT NULL,
    set_at       TIMESTAMP(6) NOT NULL,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_takedown_period_platform (school_id, platform_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE incident_takedown (
    id                      VARCHAR(36)  NOT NULL,
    incident_id             VARCHAR(36)  NOT NULL,
    school_id               VARCHAR(64)  NOT NULL,
    addressee               VARCHAR(10)  NOT NULL,
    state                   VARCHAR(10)  NOT NULL,
    requested_by            VARCHAR(255) NOT NULL,
    requested_at            TIMESTAMP(6) NOT NULL,
    due_at                  TIMESTAMP(6) NULL,
    escalation_suggested_at TIMESTAMP(6) NULL,
    settled_at              TIMESTAMP(6) NULL,
    version                 BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY ix_takedown_school_requested (school_id, requested_at, id),
    KEY ix_takedown_school_state (school_id, state, requested_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
