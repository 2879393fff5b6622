-- Undo: subject_email NOT NULL again. Requests without an address must be given one (or
-- removed) first, or the copy fails and nothing changes: diesel stops at the first error
-- and the open transaction is rolled back. By hand, use `sqlite3 -bail`; the shell
-- otherwise goes on after the error and would drop `requests`.
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
    version INTEGER NOT NULL DEFAULT 0,
    missed_policy_date BOOLEAN NOT NULL DEFAULT FALSE,
    answer_text TEXT NULL,
    outcome_reasons TEXT NULL,
    rejection_justification TEXT NULL,
    withdrawal_reason TEXT NULL
);

INSERT INTO requests_new (id, reference, kind, status, outcome, rejection_reason,
    subject_name, subject_email, subject_phone, customer_number, details, message, channel,
    received_at, verified_at, verification_method, paused_since, paused_days, extended_to,
    extension_reason, due_date, assignee_id, closed_at, created_at, updated_at,
    version, missed_policy_date, answer_text, outcome_reasons, rejection_justification,
    withdrawal_reason)
SELECT id, reference, kind, status, outcome, rejection_reason,
    subject_name, subject_email, subject_phone, customer_number, details, message, channel,
    received_at, verified_at, verification_method, paused_since, paused_days, extended_to,
    extension_reason, due_date, assignee_id, closed_at, created_at, updated_at,
    version, missed_policy_date, answer_text, outcome_reasons, rejection_justification,
    withdrawal_reason
FROM requests;

DROP TABLE requests;
ALTER TABLE requests_new RENAME TO requests;

-- The indexes as migrations 1, 2, 5 and 6 left them.
CREATE INDEX requests_due ON requests (due_date, id);
CREATE INDEX requests_status_due ON requests (status, due_date, id, kind);
CREATE INDEX requests_kind_due ON requests (kind, due_date, id, status);
CREATE INDEX requests_subject_email ON requests (subject_email);
CREATE INDEX requests_active_due ON requests (due_date, id, kind, status)
    WHERE status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject');
CREATE INDEX requests_assignee ON requests (assignee_id);

COMMIT;
PRAGMA foreign_keys = ON;
