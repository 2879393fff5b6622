DROP INDEX requests_assignee;
CREATE INDEX requests_assignee ON requests (assignee_id);
ALTER TABLE requests DROP COLUMN assigned_at;
ALTER TABLE users DROP COLUMN digest_sent_at;
ALTER TABLE users DROP COLUMN digest;
DROP TABLE reminders_sent;
