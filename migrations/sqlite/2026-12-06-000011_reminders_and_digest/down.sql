DROP INDEX requests_active_assignee;
DROP INDEX requests_active_due;
CREATE INDEX requests_active_due ON requests (due_date, id, kind, status, assignee_id, paused_on)
    WHERE status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject');
DROP INDEX requests_assignee;
CREATE INDEX requests_assignee ON requests (assignee_id);
ALTER TABLE requests DROP COLUMN assigned_at;
ALTER TABLE users DROP COLUMN digest_sent_at;
ALTER TABLE users DROP COLUMN digest;
DROP TABLE reminders_sent;
