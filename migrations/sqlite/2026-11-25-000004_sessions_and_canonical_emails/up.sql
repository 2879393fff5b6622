-- Handler sessions live on the server (DESIGN §9), so logout, deactivation, a password
-- change and expiry end them at once. The cookie carries only the session's secret; this
-- table keeps its SHA-256 hash. Subjects and anonymous visitors never get a row.
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- One-off data fixes written in Rust (they need more than SQL can do, e.g. IDNA for
-- email domains), each recorded here once done. Run at start after the migrations.
CREATE TABLE data_fixes (
    name TEXT PRIMARY KEY NOT NULL,
    done_at TIMESTAMP NOT NULL
);
