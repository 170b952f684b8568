-- The staff roster and registered volunteers (INT-1; ACC-1, ACC-3 look-ups), kept by
-- RosterProjection in the same transaction as the roster's events.
CREATE TABLE staff_member_view (
    id               VARCHAR(330)  NOT NULL,
    school_id        VARCHAR(64)   NOT NULL,
    staff_id         VARCHAR(255)  NOT NULL,
    kind             VARCHAR(10)   NOT NULL,
    forename         VARCHAR(120)  NOT NULL,
    surname          VARCHAR(120)  NOT NULL,
    normalised_name  VARCHAR(240)  NOT NULL,
    current          BOOLEAN       NOT NULL,
    leaving_date     DATE          NULL,
    source           VARCHAR(10)   NOT NULL,
    first_recorded_at TIMESTAMP(6) NOT NULL,
    updated_at       TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_staff_school_recorded (school_id, first_recorded_at, staff_id),
    KEY ix_staff_school_name (school_id, current, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
