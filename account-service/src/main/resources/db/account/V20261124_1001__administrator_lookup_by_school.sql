-- ACC-7: the handover process finds a leaver's open accounts in this look-up, by school.
CREATE INDEX account_administrator_lookup_school ON account_administrator_lookup (school_id, closed);
