-- Issue 12: the change feed an MIS reads to learn what changed since its last sync (consent per
-- pupil and channel, leavers, accounts going live or suspended, handovers). Written by each
-- service's change-feed projection, one processor on one segment, so seq grows in the order the
-- rows commit and a keyset cursor (school_id, seq) skips nothing. Ids, kinds and statuses only:
-- no names and no free text. event_id makes a redelivered or replayed event add nothing.
CREATE TABLE change_record (
    seq         BIGINT       NOT NULL AUTO_INCREMENT,
    event_id    VARCHAR(64)  NOT NULL,
    school_id   VARCHAR(64)  NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    record_id   VARCHAR(64)  NOT NULL,
    subject_id  VARCHAR(64)  NULL,
    channel     VARCHAR(40)  NULL,
    status      VARCHAR(30)  NOT NULL,
    occurred_at TIMESTAMP(6) NOT NULL,
    link        VARCHAR(200) NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY ux_change_record_event (event_id),
    KEY ix_change_record_school (school_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
