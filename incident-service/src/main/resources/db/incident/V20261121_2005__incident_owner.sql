-- The owner of a case (its assessor), so a leaver's open incidents can be found and reassigned
-- to SLT when account-service reports the leaving (StaffMemberLeftEvent).
ALTER TABLE incident_view
    ADD COLUMN owner_id VARCHAR(255) NULL,
    ADD KEY ix_incident_school_owner (school_id, owner_id, status);
