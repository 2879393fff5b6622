-- Evidence for an item of a rectification (issue 11): the subject's file is an upload
-- like an answer's, tied to the item (1, 2, …) instead of a question. Kept in lockstep
-- with the other backend's migration of the same name.
ALTER TABLE uploads ADD COLUMN item_no INTEGER NULL;
