-- Outbox hardening (DESIGN §8). Kept in lockstep with the other backend's migration.
-- sealed_body: the full bodies of an unsent message that carries a link token,
--   AES-256-GCM sealed (mail::seal); body_text/body_html then hold the token replaced by
--   a marker. Cleared once sent.
-- lease_owner: the dispatcher (worker id) holding lease_until; only it may mark the
--   message sent or failed.
-- token_id: the link token the message carries (no foreign key: expired tokens are
--   deleted, a dangling id is harmless); its validity counts from when the mail is sent.
-- first_attempt_at: when sending was first tried; retries span DSR_MAIL_RETRY_HOURS
--   from here before the message is marked failed.
ALTER TABLE outbox ADD COLUMN sealed_body TEXT NULL;
ALTER TABLE outbox ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE outbox ADD COLUMN token_id TEXT NULL;
ALTER TABLE outbox ADD COLUMN first_attempt_at TIMESTAMP NULL;
CREATE INDEX outbox_token ON outbox (token_id);
