ALTER TABLE requests DROP COLUMN assigned_at;
ALTER TABLE users DROP COLUMN digest_sent_at;
ALTER TABLE users DROP COLUMN digest;
DROP TABLE reminders_sent;
