-- AUD-4: an incident's narrative and location read as null once its personal data was erased
-- (its key destroyed); the read model keeps them as null too.
ALTER TABLE incident_view
    MODIFY what_happened MEDIUMTEXT NULL,
    MODIFY location      TEXT       NULL;
