-- CON-5, CON-3: the register and the takedown list are read a page at a time, in the order of these keys.
CREATE INDEX ix_publication_school_registered ON publication_view (school_id, registered_at, id);
CREATE INDEX ix_publication_school_takedown ON publication_view (school_id, status, takedown_opened_at, id);
