-- ACC-7: whether a member of staff is current depends on the day: current until the end of their
-- leaving date (the school's date, Europe/London), so a leaving date still to come is notice. A flag
-- computed once when the leaving date arrived cannot say that; queries compare leaving_date with
-- today instead, and the flag goes.
ALTER TABLE staff_member_view DROP INDEX ix_staff_school_name;
ALTER TABLE staff_member_view DROP COLUMN current;
ALTER TABLE staff_member_view ADD KEY ix_staff_school_kind_leaving (school_id, kind, leaving_date);
