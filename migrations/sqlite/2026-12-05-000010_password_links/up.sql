-- Links that let a staff member set their own password (issue 9): an invitation, or a
-- reset that an admin or the person asked for. No password ever travels by email.
-- Kept in lockstep with the other backend's migration of the same name. SQLite cannot
-- change a CHECK constraint, so the table is rebuilt (nothing references tokens).
CREATE TABLE tokens_new (
    id TEXT PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'access', 'setup', 'password')),
    request_id TEXT NULL REFERENCES requests (id) ON DELETE CASCADE,
    email TEXT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO tokens_new (id, token_hash, purpose, request_id, email, expires_at, used_at, created_at)
    SELECT id, token_hash, purpose, request_id, email, expires_at, used_at, created_at FROM tokens;
DROP TABLE tokens;
ALTER TABLE tokens_new RENAME TO tokens;
