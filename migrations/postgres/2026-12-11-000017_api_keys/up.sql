-- Issue 13 (first part): API keys and idempotency keys.
-- A key is shown once and stored only as its SHA-256 (`key_hash`); `prefix` is the start
-- of the secret, to recognise a key in the list. `scopes`: space-separated scope names.
-- `acts_as`: the handler or admin account a key with `requests:act` acts for (its
-- permissions, and the account the request's notes, questions and assignment name).
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    acts_as TEXT NULL REFERENCES users (id),
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NULL,
    revoked_at TIMESTAMP NULL,
    last_used_at TIMESTAMP NULL
);

-- A POST's `Idempotency-Key`, scoped to the API key, method and path, kept 24 hours.
-- `status` 0: the first call is still running (or broke off after it committed: a
-- replay then answers 409, never does the work twice).
CREATE TABLE idempotency_keys (
    api_key_id TEXT NOT NULL REFERENCES api_keys (id),
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (api_key_id, method, path, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
