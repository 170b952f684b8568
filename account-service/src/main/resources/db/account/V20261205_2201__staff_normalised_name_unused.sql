-- ACC-3 matches staff names in Java (NameClashes: surnames by words, full names by substring) over the
-- school's current staff, so the normalised full name the old SQL substring match read is no longer
-- read by anything.
ALTER TABLE staff_member_view DROP COLUMN normalised_name;
