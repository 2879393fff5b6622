-- The registers of issue 10 (DESIGN §2, §5): data categories, legal-retention rules, the
-- outcome recorded per category of an erasure or restriction request, and the
-- suppression list of Art. 21(3). Kept in lockstep with the other backend's migration
-- of the same name.

-- Data categories. The code is stored in requests (erasure details, outcomes) and never
-- changes; the labels may. A category seeded here has no stored labels: its words are the
-- message `category-<code>` in locales/. One an admin adds carries its labels here.
-- The seven codes of the first release keep their meaning; `contact` also covers the
-- account and profile, and payment references, recordings, CCTV and job applications are
-- new, finer categories beside them.
CREATE TABLE data_categories (
    code TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    label_en TEXT NULL,
    label_nb TEXT NULL,
    label_sv TEXT NULL
);
INSERT INTO data_categories (code, position) VALUES
    ('contact', 10),
    ('billing', 20),
    ('payment', 30),
    ('traffic', 40),
    ('ip_logs', 50),
    ('recordings', 60),
    ('support', 70),
    ('marketing', 80),
    ('analytics', 90),
    ('cctv', 100),
    ('applications', 110);

-- Legal-retention rules: data of a category kept after an erasure request because a law
-- requires it (Art. 17(3)(b)), for `amount` `unit` after `anchor` (domain::retention).
-- The seeded rules are demo content: `verify_before_production` says so on every page
-- that shows them until an admin has checked and saved them.
CREATE TABLE retention_rules (
    id TEXT PRIMARY KEY NOT NULL,
    category_code TEXT NOT NULL REFERENCES data_categories (code),
    citation TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0 AND amount <= 1200),
    unit TEXT NOT NULL CHECK (unit IN ('days', 'months', 'years')),
    anchor TEXT NOT NULL CHECK (anchor IN ('event', 'financial_year_end', 'calendar_year_end')),
    text_en TEXT NOT NULL,
    text_nb TEXT NOT NULL,
    text_sv TEXT NOT NULL,
    verify_before_production BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    position INTEGER NOT NULL
);
INSERT INTO retention_rules (id, category_code, citation, amount, unit, anchor, text_en, text_nb, text_sv, verify_before_production, position) VALUES
    ('no-accounting-primary', 'billing', 'Bokføringsloven § 13 (Norway)', 5, 'years', 'financial_year_end',
     'Invoices and other primary accounting records must be kept for five years after the end of the financial year.',
     'Fakturaer og annen primærdokumentasjon må oppbevares i fem år etter regnskapsårets slutt.',
     'Fakturor och andra primära räkenskapshandlingar måste sparas i fem år efter räkenskapsårets slut.',
     TRUE, 10),
    ('no-accounting-secondary', 'payment', 'Bokføringsloven § 13 (Norway)', 42, 'months', 'financial_year_end',
     'Secondary accounting documentation, such as payment references, must be kept for three years and six months after the end of the financial year.',
     'Sekundærdokumentasjon, som betalingsreferanser, må oppbevares i tre år og seks måneder etter regnskapsårets slutt.',
     'Sekundär räkenskapsdokumentation, som betalningsreferenser, måste sparas i tre år och sex månader efter räkenskapsårets slut.',
     TRUE, 20),
    ('no-ekom-ip', 'ip_logs', 'Ekomloven (Norway): storage of IP addresses', 12, 'months', 'event',
     'The law on electronic communications requires us to keep which subscriber had which IP address for 12 months.',
     'Ekomloven pålegger oss å lagre hvilken abonnent som hadde hvilken IP-adresse i 12 måneder.',
     'Den norska lagen om elektronisk kommunikation kräver att vi sparar vilken abonnent som hade vilken IP-adress i 12 månader.',
     TRUE, 30),
    ('se-accounting', 'billing', 'Bokföringslagen 7 kap. 2 § (Sweden)', 7, 'years', 'calendar_year_end',
     'Accounting records must be kept for seven years after the end of the calendar year in which the financial year ended.',
     'Regnskapsmateriale må oppbevares i sju år etter utgangen av kalenderåret da regnskapsåret ble avsluttet.',
     'Räkenskapsinformation måste sparas i sju år efter utgången av det kalenderår då räkenskapsåret avslutades.',
     TRUE, 40);

-- What happened to each data category of an erasure or restriction request: erased,
-- retained under a rule (with the date the rule counts from and the last day it allows),
-- not held, or restricted (Art. 18). A retained row whose until date has passed gets a
-- follow-up task (`followup_at`, set by the sweeper in the transaction that reminds the
-- assignee, so once) until a handler marks it erased.
CREATE TABLE category_outcomes (
    request_id TEXT NOT NULL REFERENCES requests (id),
    category_code TEXT NOT NULL REFERENCES data_categories (code),
    outcome TEXT NOT NULL CHECK (outcome IN ('erased', 'retained', 'not_held', 'restricted')),
    rule_id TEXT NULL REFERENCES retention_rules (id),
    anchor_date DATE NULL,
    until_date DATE NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMP NOT NULL,
    followup_at TIMESTAMP NULL,
    erased_at TIMESTAMP NULL,
    erased_by TEXT NULL REFERENCES users (id),
    PRIMARY KEY (request_id, category_code),
    CHECK ((outcome = 'retained') = (rule_id IS NOT NULL AND anchor_date IS NOT NULL AND until_date IS NOT NULL))
);
-- The retention register and the sweeper: data still kept, soonest expiry first.
CREATE INDEX category_outcomes_retained ON category_outcomes (until_date, request_id)
    WHERE outcome = 'retained' AND erased_at IS NULL;

-- Art. 21(3): addresses and numbers never again used for direct marketing. Normalised
-- (domain::newtypes), one row per value; the request that put it there.
CREATE TABLE suppressions (
    kind TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
    value TEXT NOT NULL,
    request_id TEXT NULL REFERENCES requests (id),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, value)
);
CREATE INDEX suppressions_created ON suppressions (created_at);

-- Lifting a restriction (Art. 18(3)): the subject is told before it is lifted. The
-- notice's outbox row is queued with this row; the sweeper lifts the restriction
-- (`lifted_at`, an audit event) once that email is marked sent, never before.
CREATE TABLE restriction_lifts (
    request_id TEXT PRIMARY KEY NOT NULL REFERENCES requests (id),
    reason TEXT NOT NULL,
    outbox_id TEXT NULL REFERENCES outbox (id),
    requested_by TEXT NOT NULL REFERENCES users (id),
    requested_at TIMESTAMP NOT NULL,
    lifted_at TIMESTAMP NULL
);

-- The decision on each purpose an objection names (Art. 21): upheld (processing for it
-- stops), or refused with the compelling legitimate grounds or the legal claims that
-- require it (Art. 21(1)); the subject is told both with the Art. 12(4) notice. Direct
-- marketing is always upheld, by the system (`decided_by` NULL), Art. 21(3).
CREATE TABLE objection_decisions (
    request_id TEXT NOT NULL REFERENCES requests (id),
    purpose TEXT NOT NULL,
    upheld BOOLEAN NOT NULL,
    grounds TEXT NULL,
    decided_by TEXT NULL REFERENCES users (id),
    decided_at TIMESTAMP NOT NULL,
    PRIMARY KEY (request_id, purpose),
    CHECK (upheld OR grounds IS NOT NULL),
    CHECK (purpose <> 'direct_marketing' OR upheld)
);
