-- Reminders and the daily digest (issue 9, DESIGN §4.7). Kept in lockstep with the other
-- backend's migration of the same name.
--
-- One row per reminder sent: the request, the due date it was about and its stage, the
-- days left on the day it covers (a threshold such as 7 or 2, or, while overdue, minus
-- the days overdue, so one a day). Written in the transaction that queues the email, so
-- a restart or a second instance finds it and never sends that reminder again. A due
-- date that moves (an extension, a pause) gets its own reminders.
CREATE TABLE reminders_sent (
    request_id TEXT NOT NULL REFERENCES requests (id),
    due_date DATE NOT NULL,
    stage INTEGER NOT NULL,
    -- The day it covers (due_date - stage): for an overdue request, the day it was
    -- overdue on; lets the sweeper ask SQL for only the reminders not yet sent.
    covers DATE NOT NULL,
    -- The assignee it went to; NULL: to every handler and admin (unassigned).
    sent_to TEXT NULL REFERENCES users (id),
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (request_id, due_date, stage)
);

-- The daily digest: on unless the handler switches it off on their account page; the
-- instant the last one was claimed, so that each day's goes out once.
ALTER TABLE users ADD COLUMN digest BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE users ADD COLUMN digest_sent_at TIMESTAMP NULL;

-- When the request got its current assignee (the digest's "newly assigned"). Unknown
-- for assignments made before this migration: they are not new.
ALTER TABLE requests ADD COLUMN assigned_at TIMESTAMP NULL;

-- One handler's requests in queue order, whatever their status (the queue's assignee
-- filter with "all statuses", and the digest): before, that view walked every request by
-- due date looking for theirs.
DROP INDEX requests_assignee;
CREATE INDEX requests_assignee ON requests (assignee_id, due_date, id);

-- "Missed the organisation's promise" among the requests still needing action read every
-- active row (5 ms at 100,000 requests): the needs-action index carries that flag too.
DROP INDEX requests_active_due;
CREATE INDEX requests_active_due ON requests (due_date, id, kind, status, assignee_id, paused_on, missed_policy_date)
    WHERE status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject');

-- One handler's (or nobody's) requests still needing action, in queue order: the "mine"
-- and "unassigned" counts and views read just those entries instead of walking every
-- active request (33,000 after an intake burst: 5 ms for a handler with none).
CREATE INDEX requests_active_assignee ON requests (assignee_id, due_date, id, kind, status, paused_on, missed_policy_date)
    WHERE status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject');
