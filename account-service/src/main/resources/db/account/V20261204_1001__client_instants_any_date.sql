-- Issue 11: a read model column never refuses what the aggregate accepted. TIMESTAMP holds only
-- 1970-01-01 to 2038-01-19 (UTC). These columns hold instants a client gives, or ones computed
-- from them:
--   handover_view.due_at: the leaver's leaving date from the roster (ACC-7), which nothing bounds,
--     so a leaving date after 2038 opened a handover that handover_view refused;
--   account_message_view.received_at and answered_at: when a comment arrived and was answered, as
--     the administrator logging it says (ACC-8), and due_at, computed from received_at. The
--     aggregate keeps these within the last year today; the read model does not rely on it.
-- DATETIME(6) holds years 1000 to 9999. The services' sessions are UTC, and so is this
-- conversion, so the stored instants do not move. The other TIMESTAMP columns of this schema are
-- set from the service's clock.
SET time_zone = '+00:00';

ALTER TABLE handover_view MODIFY due_at DATETIME(6) NOT NULL;

ALTER TABLE account_message_view
    MODIFY received_at DATETIME(6) NOT NULL,
    MODIFY due_at      DATETIME(6) NOT NULL,
    MODIFY answered_at DATETIME(6) NULL;
