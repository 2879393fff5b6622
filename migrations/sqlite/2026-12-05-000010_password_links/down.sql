DELETE FROM tokens WHERE purpose = 'password';
CREATE TABLE tokens_old (
    id TEXT PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'access', 'setup')),
    request_id TEXT NULL REFERENCES requests (id) ON DELETE CASCADE,
    email TEXT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO tokens_old (id, token_hash, purpose, request_id, email, expires_at, used_at, created_at)
    SELECT id, token_hash, purpose, request_id, email, expires_at, used_at, created_at FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_old RENAME TO tokens;
