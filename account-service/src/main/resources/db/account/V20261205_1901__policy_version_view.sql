-- ACC-5: every version of a school's social media policy it published, fed by
-- PolicyVersionProjection (built from the whole history on its first start). Version 1, in force
-- before any publication, has no row. Keyed <schoolId>/<version>.
CREATE TABLE policy_version_view (
    id            VARCHAR(80)   NOT NULL,
    school_id     VARCHAR(64)   NOT NULL,
    version       INT           NOT NULL,
    summary       TEXT          NOT NULL,
    published_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_policy_version_school (school_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
