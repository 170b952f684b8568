-- CON-3: the consents withdrawn, as the publications processor has seen them in its event order, so
-- that a publication registered after a withdrawal of one of its pupils (its check passed just
-- before) still gets its takedown. A consent given again removes the row. id is school/pupil/channel.
CREATE TABLE publication_withdrawn_consent (
    id         VARCHAR(200) NOT NULL,
    school_id  VARCHAR(64)  NOT NULL,
    pupil_id   VARCHAR(64)  NOT NULL,
    channel    VARCHAR(30)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
