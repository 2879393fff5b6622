-- Issue 7, case handling. Kept in lockstep with the other backend's migration of the same
-- name (same tables, columns and indexes; tests/schema.rs checks).

-- 'in_person' is new: a handler enters a request made at a counter or in a shop.
ALTER TABLE requests DROP CONSTRAINT requests_channel_check;
ALTER TABLE requests ADD CONSTRAINT requests_channel_check
    CHECK (channel IN ('portal', 'api', 'phone', 'letter', 'email', 'in_person'));

ALTER TABLE requests
    -- Bumped by every change a handler makes, so a form sent from a stale page is
    -- refused (two people acting at once: one wins, nothing changes twice).
    ADD COLUMN version INTEGER NOT NULL DEFAULT 0,
    -- Extended after the policy date had passed (the organisation missed its promise).
    ADD COLUMN missed_policy_date BOOLEAN NOT NULL DEFAULT FALSE,
    -- The final answer as sent, why a partial answer is partial, why a rejection, why a
    -- withdrawal.
    ADD COLUMN answer_text TEXT NULL,
    ADD COLUMN outcome_reasons TEXT NULL,
    ADD COLUMN rejection_justification TEXT NULL,
    ADD COLUMN withdrawal_reason TEXT NULL;

-- "Assigned to me".
CREATE INDEX requests_assignee ON requests (assignee_id);

-- Questions to the subject (Art. 12(6) identity, clarification, other). Only identity and
-- clarification questions stop the clock, from when the question is queued.
CREATE TABLE questions (
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
CREATE INDEX questions_request ON questions (request_id, asked_at);

-- Files a subject sends with an answer. Stored under the data directory with a random
-- name; an identity document is deleted once the verification is recorded, others a
-- configurable time after the request closes unless kept as evidence (keep_reason).
CREATE TABLE uploads (
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
CREATE INDEX uploads_request ON uploads (request_id, uploaded_at);
CREATE INDEX uploads_question ON uploads (question_id);

-- Internal notes: never shown to the subject, never put in an email.
CREATE TABLE notes (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    author_id TEXT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX notes_request ON notes (request_id, created_at);
