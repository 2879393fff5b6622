-- Issue 13 (webhooks): subscriptions of the systems that hold the data, deliveries
-- (written in the transaction of the change that causes them, sent by a leased
-- dispatcher like the outbox) and the tasks an instruction gives each system.

-- `events` and `identifiers`: space-separated names (`domain::webhooks`). The signing
-- secret is sealed with the app's key (AES-GCM, bound to the subscription id): it must
-- be read back to sign, and never appears in clear in the database.
CREATE TABLE webhook_subscriptions (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    identifiers TEXT NOT NULL,
    sealed_secret TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    disabled_at TIMESTAMP NULL
);

-- One event for one subscription. `id` is the `webhook-id` the receiver deduplicates by.
-- Delivered once a 2xx answer is recorded (never leased again); failed after the last
-- attempt. `last_status` and `last_response` (at most 1 KiB) are the receiver's answer.
-- `payload` (the subject's identifiers) is emptied once the delivery is recorded.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (id),
    request_id TEXT NOT NULL REFERENCES requests (id),
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    created_at TIMESTAMP NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    first_attempt_at TIMESTAMP NULL,
    lease_owner TEXT NULL,
    lease_until TIMESTAMP NULL,
    delivered_at TIMESTAMP NULL,
    last_status INTEGER NULL,
    last_response TEXT NULL,
    last_error TEXT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_request ON webhook_deliveries (request_id);

-- What one system must do after an instruction (`erasure.instructed`,
-- `rectification.instructed`): open until the system reports it done through the API
-- (`tasks:report`), or a handler overrides it with a written reason.
CREATE TABLE webhook_tasks (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (id),
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id),
    event TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    done_at TIMESTAMP NULL,
    done_by TEXT NULL,
    done_note TEXT NULL,
    overridden_at TIMESTAMP NULL,
    overridden_by TEXT NULL,
    override_reason TEXT NULL
);
CREATE INDEX webhook_tasks_request ON webhook_tasks (request_id);
