-- A read model for platform's own tests of parked events (DeadLetterTest): the last text of each note.
CREATE TABLE note_view (
    id      VARCHAR(64)  NOT NULL,
    version BIGINT       NOT NULL,
    text    VARCHAR(200) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
