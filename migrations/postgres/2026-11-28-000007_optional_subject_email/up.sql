-- A request entered by hand (phone, letter, in person) may come without an email address
-- (issue 7, manual intake: emails go out "when an address is given"). Kept in lockstep
-- with the SQLite migration of the same name.
ALTER TABLE requests ALTER COLUMN subject_email DROP NOT NULL;
