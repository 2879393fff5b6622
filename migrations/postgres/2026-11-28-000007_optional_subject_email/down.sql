-- Requests without an address must be given one (or removed) first, or this fails.
ALTER TABLE requests ALTER COLUMN subject_email SET NOT NULL;
