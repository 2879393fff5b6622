-- The language the subject used when the request was made (issue 8): every later email
-- about the request speaks it. NULL (requests from before this migration) means the
-- DSR_LANGUAGE setting, which SQL cannot know. Kept in lockstep with the other backend's
-- migration of the same name.
ALTER TABLE requests ADD COLUMN language TEXT NULL
    CHECK (language IS NULL OR language IN ('nb', 'sv', 'en'));
