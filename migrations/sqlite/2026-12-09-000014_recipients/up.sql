-- Recipients and Art. 19 notices, and the handler's decision on each item of a
-- rectification (issue 11, DESIGN §6). Kept in lockstep with the other backend's
-- migration of the same name.

-- Whom personal data is disclosed to: processors, independent controllers and
-- authorities, each with the data categories it receives. `identifiers` names what a
-- notice may carry to find the subject in the recipient's systems (a comma-separated
-- list of `customer_number`, `email`, `phone`, `name`), and nothing more (data
-- minimisation). A recipient outside the EEA names its transfer safeguard.
CREATE TABLE recipients (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('processor', 'controller', 'authority')),
    country TEXT NOT NULL,
    safeguard TEXT NULL,
    identifiers TEXT NOT NULL DEFAULT 'customer_number',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    position INTEGER NOT NULL
);
CREATE TABLE recipient_categories (
    recipient_id TEXT NOT NULL REFERENCES recipients (id),
    category_code TEXT NOT NULL REFERENCES data_categories (code),
    PRIMARY KEY (recipient_id, category_code)
);
INSERT INTO recipients (id, name, email, kind, country, safeguard, identifiers, position) VALUES
    ('accounting', 'Fjord Regnskap AS', 'personvern@fjordregnskap.example', 'processor', 'NO', NULL, 'customer_number', 10),
    ('billing-partner', 'Nordic Billing Services AB', 'privacy@nordicbilling.example', 'processor', 'SE', NULL, 'customer_number', 20),
    ('payments', 'SecurePay Processing Ltd (PCI DSS)', 'dpo@securepay.example', 'controller', 'IE', NULL, 'customer_number', 30),
    ('analytics', 'WebInsight Inc.', 'privacy@webinsight.example', 'processor', 'US', 'EU–US Data Privacy Framework certification; standard contractual clauses (2021/914) as fallback', 'email', 40);
INSERT INTO recipient_categories (recipient_id, category_code) VALUES
    ('accounting', 'billing'),
    ('accounting', 'payment'),
    ('billing-partner', 'billing'),
    ('billing-partner', 'contact'),
    ('payments', 'payment'),
    ('analytics', 'analytics');

-- The handler's decision on each item of a rectification: the data category it belongs
-- to (to preselect recipients), applied or refused with a reason. `item_no` is the
-- item's place (1, 2, …) in the request's details.
CREATE TABLE rectification_items (
    request_id TEXT NOT NULL REFERENCES requests (id),
    item_no INTEGER NOT NULL,
    category_code TEXT NULL REFERENCES data_categories (code),
    decision TEXT NULL CHECK (decision IS NULL OR decision IN ('applied', 'refused')),
    reason TEXT NULL,
    decided_by TEXT NULL REFERENCES users (id),
    decided_at TIMESTAMP NULL,
    PRIMARY KEY (request_id, item_no),
    CHECK (decision IS NULL OR decision <> 'refused' OR reason IS NOT NULL)
);

-- One Art. 19 notice to one recipient about one request. Its emails are outbox rows
-- (`outbox_id`: the latest); its links are `notice_links` (hashes only). Acknowledged:
-- the recipient opened a link and pressed the button. Exempt: impossible or
-- disproportionate effort, with the written justification.
CREATE TABLE notices (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    recipient_id TEXT NOT NULL REFERENCES recipients (id),
    outbox_id TEXT NULL REFERENCES outbox (id),
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    last_sent_at TIMESTAMP NULL,
    acknowledged_at TIMESTAMP NULL,
    exempt_reason TEXT NULL,
    UNIQUE (request_id, recipient_id)
);
-- Open notices (neither acknowledged nor exempt), oldest first: the dashboard view and
-- the reminder sweep.
CREATE INDEX notices_open ON notices (last_sent_at, id)
    WHERE acknowledged_at IS NULL AND exempt_reason IS NULL;

CREATE TABLE notice_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    notice_id TEXT NOT NULL REFERENCES notices (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX notice_links_notice ON notice_links (notice_id);
