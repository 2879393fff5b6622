-- The queue a DPO triages from (issue 9). Kept in lockstep with the other backend's
-- migration of the same name.
--
-- paused_on: the local date the clock stopped (set with paused_since by
-- workflow::apply_transition). While a request is paused its days left are frozen at that
-- date, so it is never shown overdue unless it already was when it was paused:
-- overdue <=> due_date < COALESCE(paused_on, today). Rows paused before this migration
-- get the UTC date of paused_since (at most one day off, only for them).
ALTER TABLE requests ADD COLUMN paused_on DATE NULL;
UPDATE requests SET paused_on = date(paused_since) WHERE paused_since IS NOT NULL;

-- subject_name_key: the subject's name folded for search by prefix (whitespace collapsed,
-- lower case in Unicode, which SQL's lower() is not: a data fix in Rust fills it for rows
-- from before this migration). Compared byte-wise, so a prefix is a range of the index.
ALTER TABLE requests ADD COLUMN subject_name_key TEXT NULL;
CREATE INDEX requests_name_prefix ON requests (subject_name_key, id);

-- The needs-action index also carries the assignee and the pause date, so the counts at
-- the top of the queue and the assignee and urgency filters read only index entries.
DROP INDEX requests_active_due;
CREATE INDEX requests_active_due ON requests (due_date, id, kind, status, assignee_id, paused_on)
    WHERE status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject');
