-- Issue 11: a read model column never refuses what the aggregate accepted. TIMESTAMP holds only
-- 1970-01-01 to 2038-01-19 (UTC), so an incident reported as having happened before 1970 was
-- stored as an event but refused by incident_view, and the projection stopped. occurred_at comes
-- from the reporter; DATETIME(6) holds years 1000 to 9999. The services' sessions are UTC, and
-- so is this conversion, so the stored instants do not move.
SET time_zone = '+00:00';

ALTER TABLE incident_view MODIFY occurred_at DATETIME(6) NOT NULL;
