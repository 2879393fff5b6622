DROP INDEX outbox_token;
ALTER TABLE outbox DROP COLUMN first_attempt_at;
ALTER TABLE outbox DROP COLUMN token_id;
ALTER TABLE outbox DROP COLUMN lease_owner;
ALTER TABLE outbox DROP COLUMN sealed_body;
