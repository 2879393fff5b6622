-- dsr-tracker schema, part 1: users, requests, tokens, audit, outbox.
-- Kept in lockstep with the other backend's migration of the same name.

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'handler', 'auditor')),
    password_hash TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    last_login_at TIMESTAMP NULL
);

CREATE TABLE requests (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('access','rectification','erasure','restriction','portability','objection')),
    status TEXT NOT NULL CHECK (status IN ('awaiting_verification','open','in_progress','awaiting_subject','completed','rejected','withdrawn','expired')),
    outcome TEXT NULL CHECK (outcome IS NULL OR outcome IN ('fulfilled', 'partially_fulfilled', 'no_data_held')),
    rejection_reason TEXT NULL CHECK (rejection_reason IS NULL OR rejection_reason IN
        ('identity_not_verified', 'manifestly_unfounded', 'excessive', 'not_applicable', 'other')),
    subject_name TEXT NOT NULL,
    subject_email TEXT NOT NULL,
    subject_phone TEXT NULL,
    customer_number TEXT NULL,
    details TEXT NOT NULL,
    message TEXT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('portal', 'api', 'phone', 'letter', 'email')),
    received_at TIMESTAMP NOT NULL,
    verified_at TIMESTAMP NULL,
    verification_method TEXT NULL,
    paused_since TIMESTAMP NULL,
    paused_days INTEGER NOT NULL DEFAULT 0,
    extended_to DATE NULL,
    extension_reason TEXT NULL,
    due_date DATE NOT NULL,
    assignee_id TEXT NULL REFERENCES users (id),
    closed_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- The queue is ordered by (due_date, id) and paged by keyset on the same pair.
CREATE INDEX requests_due ON requests (due_date, id);
CREATE INDEX requests_status_due ON requests (status, due_date, id);
CREATE INDEX requests_kind_due ON requests (kind, due_date, id);
CREATE INDEX requests_subject_email ON requests (subject_email);

CREATE TABLE reference_counters (
    year INTEGER PRIMARY KEY NOT NULL,
    last_number INTEGER NOT NULL
);

CREATE TABLE tokens (
    id TEXT PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'access', 'setup')),
    request_id TEXT NULL REFERENCES requests (id) ON DELETE CASCADE,
    email TEXT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE audit_events (
    id BIGSERIAL PRIMARY KEY,
    request_id TEXT NULL REFERENCES requests (id),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    from_status TEXT NULL,
    to_status TEXT NULL,
    note TEXT NULL,
    at TIMESTAMP NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_events_request ON audit_events (request_id, id);

-- The audit trail is append-only (DESIGN §9); each row also carries the hash of the one
-- before it, so `dsr-tracker audit verify` detects a changed or removed row.
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    template TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NULL,
    request_id TEXT NULL REFERENCES requests (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_until TIMESTAMP NULL,
    last_error TEXT NULL,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_request ON outbox (request_id);

-- One row. Every write transaction first updates it, which takes the write lock at the
-- start (SQLite: no SQLITE_BUSY on a read-then-write upgrade; PostgreSQL: serialises
-- reference numbering).
CREATE TABLE write_lock (
    id INTEGER PRIMARY KEY NOT NULL,
    counter BIGINT NOT NULL
);
INSERT INTO write_lock (id, counter) VALUES (1, 0);
