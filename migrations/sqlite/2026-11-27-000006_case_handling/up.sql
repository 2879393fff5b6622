-- Issue 7, case handling. Kept in lockstep with the other backend's migration of the same
-- name (same tables, columns and indexes; tests/schema.rs checks).
--
-- SQLite cannot change a CHECK constraint in place, so `requests` is rebuilt (the
-- procedure of https://www.sqlite.org/lang_altertable.html#otheralter): foreign keys off
-- (which only works outside a transaction, hence metadata.toml), then one transaction.
-- With foreign keys on, dropping the old table would cascade to `tokens`.
-- Safe to run again (a crash after COMMIT, before diesel records the migration): the
-- rebuild copies the rows once more and the new tables and indexes say IF NOT EXISTS.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE requests_new (
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
    -- 'in_person' is new: a handler enters a request made at a counter or in a shop.
    channel TEXT NOT NULL CHECK (channel IN ('portal', 'api', 'phone', 'letter', 'email', 'in_person')),
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
    updated_at TIMESTAMP NOT NULL,
    -- New: bumped by every change a handler makes, so a form sent from a stale page is
    -- refused (two people acting at once: one wins, nothing changes twice).
    version INTEGER NOT NULL DEFAULT 0,
    -- New: extended after the policy date had passed (the organisation missed its promise).
    missed_policy_date BOOLEAN NOT NULL DEFAULT FALSE,
    -- New: the final answer as sent, why a partial answer is partial, why a rejection,
    -- why a withdrawal.
    answer_text TEXT NULL,
    outcome_reasons TEXT NULL,
    rejection_justification TEXT NULL,
    withdrawal_reason TEXT NULL
);

INSERT INTO requests_new (id, reference, kind, status, outcome, rejection_reason,
    subject_name, subject_email, subject_phone, customer_number, details, message, channel,
    received_at, verified_at, verification_method, paused_since, paused_days, extended_to,
    extension_reason, due_date, assignee_id, closed_at, created_at, updated_at)
SELECT id, reference, kind, status, outcome, rejection_reason,
    subject_name, subject_email, subject_phone, customer_number, details, message, channel,
    received_at, verified_at, verification_method, paused_since, paused_days, extended_to,
    extension_reason, due_date, assignee_id, closed_at, created_at, updated_at
FROM requests;

DROP TABLE requests;
ALTER TABLE requests_new RENAME TO requests;

-- The indexes as migrations 1, 2 and 5 left them.
CREATE INDEX requests_due ON requests (due_date, id);
CREATE INDEX requests_status_due ON requests (status, due_date, id, kind);
CREATE INDEX requests_kind_due ON requests (kind, due_date, id, status);
CREATE INDEX requests_subject_email ON requests (subject_email);
CREATE INDEX requests_active_due ON requests (due_date, id, kind, status)
    WHERE status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject');
-- New: "assigned to me".
CREATE INDEX requests_assignee ON requests (assignee_id);

-- Questions to the subject (Art. 12(6) identity, clarification, other). Only identity and
-- clarification questions stop the clock, from when the question is queued.
CREATE TABLE IF NOT EXISTS questions (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('identity', 'clarification', 'other')),
    body TEXT NOT NULL,
    asked_by TEXT NOT NULL REFERENCES users (id),
    asked_at TIMESTAMP NOT NULL,
    pauses_clock BOOLEAN NOT NULL,
    answered_at TIMESTAMP NULL,
    answer_text TEXT NULL
);
CREATE INDEX IF NOT EXISTS questions_request ON questions (request_id, asked_at);

-- Files a subject sends with an answer. Stored under the data directory with a random
-- name; an identity document is deleted once the verification is recorded, others a
-- configurable time after the request closes unless kept as evidence (keep_reason).
CREATE TABLE IF NOT EXISTS uploads (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    question_id TEXT NULL REFERENCES questions (id),
    stored_name TEXT NOT NULL UNIQUE,
    original_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    uploaded_at TIMESTAMP NOT NULL,
    identity_document BOOLEAN NOT NULL DEFAULT FALSE,
    keep_reason TEXT NULL,
    deleted_at TIMESTAMP NULL
);
CREATE INDEX IF NOT EXISTS uploads_request ON uploads (request_id, uploaded_at);
CREATE INDEX IF NOT EXISTS uploads_question ON uploads (question_id);

-- Internal notes: never shown to the subject, never put in an email.
CREATE TABLE IF NOT EXISTS notes (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    author_id TEXT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS notes_request ON notes (request_id, created_at);

COMMIT;
PRAGMA foreign_keys = ON;
