-- The processing register and access/portability packages (issue 12, DESIGN §7). Kept in
-- lockstep with the other backend's migration of the same name.

-- The processing register (Art. 30): one row per purpose, with its legal basis (Art. 6),
-- the data categories and recipients it involves, its retention (a rule of the retention
-- register, or words), where the data comes from when not from the subject (Art. 14,
-- Art. 15(1)(g)) and any automated decision (Art. 22, Art. 15(1)(h)). The access cover
-- letter is drawn from it, narrowed to the categories in the subject's package.
-- Words are stored in each language (en, nb, sv); optional words are all three or none.
CREATE TABLE processing_purposes (
    code TEXT PRIMARY KEY NOT NULL,
    label_en TEXT NOT NULL,
    label_nb TEXT NOT NULL,
    label_sv TEXT NOT NULL,
    legal_basis TEXT NOT NULL CHECK (legal_basis IN ('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests')),
    retention_rule_id TEXT NULL REFERENCES retention_rules (id),
    retention_en TEXT NULL,
    retention_nb TEXT NULL,
    retention_sv TEXT NULL,
    source_en TEXT NULL,
    source_nb TEXT NULL,
    source_sv TEXT NULL,
    automated_en TEXT NULL,
    automated_nb TEXT NULL,
    automated_sv TEXT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    position INTEGER NOT NULL,
    CHECK (retention_rule_id IS NOT NULL OR retention_en IS NOT NULL)
);
CREATE TABLE purpose_categories (
    purpose_code TEXT NOT NULL REFERENCES processing_purposes (code),
    category_code TEXT NOT NULL REFERENCES data_categories (code),
    PRIMARY KEY (purpose_code, category_code)
);
CREATE TABLE purpose_recipients (
    purpose_code TEXT NOT NULL REFERENCES processing_purposes (code),
    recipient_id TEXT NOT NULL REFERENCES recipients (id),
    PRIMARY KEY (purpose_code, recipient_id)
);
INSERT INTO processing_purposes (code, label_en, label_nb, label_sv, legal_basis, retention_rule_id, retention_en, retention_nb, retention_sv, source_en, source_nb, source_sv, automated_en, automated_nb, automated_sv, position) VALUES
    ('service', 'Providing the phone, internet and hosting services you ordered', 'Levere telefon-, internett- og vertstjenestene du har bestilt', 'Leverera de telefon-, internet- och värdtjänster du har beställt', 'contract', NULL,
     'As long as you are a customer, and three months after the contract ends.', 'Så lenge du er kunde, og tre måneder etter at avtalen er slutt.', 'Så länge du är kund, och tre månader efter att avtalet har upphört.',
     NULL, NULL, NULL, NULL, NULL, NULL, 10),
    ('ip_storage', 'Storing which subscriber had which IP address, as the law requires', 'Lagre hvilken abonnent som hadde hvilken IP-adresse, slik loven krever', 'Lagra vilken abonnent som hade vilken IP-adress, som lagen kräver', 'legal_obligation', 'no-ekom-ip',
     NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 20),
    ('billing', 'Invoicing, payments and accounting', 'Fakturering, betaling og regnskap', 'Fakturering, betalningar och bokföring', 'legal_obligation', 'no-accounting-primary',
     NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 30),
    ('credit_check', 'Credit check before a subscription on invoice', 'Kredittvurdering før et abonnement på faktura', 'Kreditprövning före ett abonnemang mot faktura', 'legitimate_interests', NULL,
     'Six months after the check.', 'Seks måneder etter vurderingen.', 'Sex månader efter prövningen.',
     'A credit reference agency (Nordic Credit Information AS): your payment remarks and credit score.', 'Et kredittopplysningsbyrå (Nordic Credit Information AS): betalingsanmerkninger og kredittscore.', 'Ett kreditupplysningsföretag (Nordic Credit Information AS): betalningsanmärkningar och kreditbetyg.',
     'The credit check is automatic: a score below the agency''s threshold means we offer prepaid service instead of invoice. You can ask a person to review the decision, give your view and contest it (Art. 22(3)).', 'Kredittvurderingen er automatisk: en score under byråets terskel betyr at vi tilbyr forhåndsbetaling i stedet for faktura. Du kan be om at et menneske vurderer avgjørelsen, si din mening og bestride den (art. 22 nr. 3).', 'Kreditprövningen är automatisk: ett betyg under företagets gräns innebär att vi erbjuder förbetalt i stället för faktura. Du kan begära att en människa prövar beslutet, framföra din synpunkt och bestrida det (artikel 22.3).',
     40),
    ('support', 'Customer support, including recorded support calls', 'Kundeservice, også innspilte samtaler med kundeservice', 'Kundtjänst, även inspelade samtal med kundtjänst', 'contract', NULL,
     'Twelve months after the support case is closed; call recordings 90 days.', 'Tolv måneder etter at saken er lukket; samtaleopptak 90 dager.', 'Tolv månader efter att ärendet har avslutats; samtalsinspelningar 90 dagar.',
     NULL, NULL, NULL, NULL, NULL, NULL, 50),
    ('marketing', 'Newsletters and offers', 'Nyhetsbrev og tilbud', 'Nyhetsbrev och erbjudanden', 'consent', NULL,
     'Until you withdraw your consent or unsubscribe.', 'Til du trekker tilbake samtykket eller melder deg av.', 'Tills du återkallar ditt samtycke eller avregistrerar dig.',
     NULL, NULL, NULL, NULL, NULL, NULL, 60),
    ('web_statistics', 'Statistics on how our website is used', 'Statistikk over hvordan nettstedet vårt brukes', 'Statistik över hur vår webbplats används', 'consent', NULL,
     '26 months.', '26 måneder.', '26 månader.',
     NULL, NULL, NULL, NULL, NULL, NULL, 70),
    ('security', 'Video surveillance of our shops and data centres', 'Kameraovervåking av butikkene og datasentrene våre', 'Kameraövervakning av våra butiker och datacenter', 'legitimate_interests', NULL,
     '30 days, unless a recording is needed for a reported incident.', '30 dager, med mindre et opptak trengs for en anmeldt hendelse.', '30 dagar, om inte en inspelning behövs för en anmäld händelse.',
     NULL, NULL, NULL, NULL, NULL, NULL, 80),
    ('recruitment', 'Handling job applications', 'Behandle jobbsøknader', 'Hantera jobbansökningar', 'consent', NULL,
     'Six months after the position is filled.', 'Seks måneder etter at stillingen er besatt.', 'Sex månader efter att tjänsten har tillsatts.',
     NULL, NULL, NULL, NULL, NULL, NULL, 90);
INSERT INTO purpose_categories (purpose_code, category_code) VALUES
    ('service', 'contact'),
    ('service', 'traffic'),
    ('ip_storage', 'ip_logs'),
    ('billing', 'billing'),
    ('billing', 'payment'),
    ('billing', 'contact'),
    ('credit_check', 'billing'),
    ('support', 'support'),
    ('support', 'recordings'),
    ('marketing', 'marketing'),
    ('marketing', 'contact'),
    ('web_statistics', 'analytics'),
    ('security', 'cctv'),
    ('recruitment', 'applications');
INSERT INTO purpose_recipients (purpose_code, recipient_id) VALUES
    ('billing', 'accounting'),
    ('billing', 'billing-partner'),
    ('billing', 'payments'),
    ('web_statistics', 'analytics');

-- What a handler adds to an access or portability request. Structured records come in
-- datasets (one CSV file in the package each, all of them in data.json); `field_names` is the
-- JSON array of the fields in order. A record's `data` is its JSON object as imported;
-- redactions (Art. 15(4): other people's data) are applied when the package is built.
CREATE TABLE package_datasets (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    name TEXT NOT NULL,
    file_stem TEXT NOT NULL,
    category_code TEXT NOT NULL REFERENCES data_categories (code),
    field_names TEXT NOT NULL,
    record_count INTEGER NOT NULL,
    added_by TEXT NOT NULL REFERENCES users (id),
    added_at TIMESTAMP NOT NULL,
    UNIQUE (request_id, file_stem)
);
CREATE TABLE package_records (
    dataset_id TEXT NOT NULL REFERENCES package_datasets (id),
    record_no INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (dataset_id, record_no)
);
-- One field blanked out, in one record or (record_no NULL) in every record, with why.
CREATE TABLE package_redactions (
    id TEXT PRIMARY KEY NOT NULL,
    dataset_id TEXT NOT NULL REFERENCES package_datasets (id),
    field TEXT NOT NULL,
    record_no INTEGER NULL,
    reason TEXT NOT NULL,
    redacted_by TEXT NOT NULL REFERENCES users (id),
    redacted_at TIMESTAMP NOT NULL
);
CREATE INDEX package_redactions_dataset ON package_redactions (dataset_id);
-- Files for the package, stored under <data dir>/package-files by a random name.
CREATE TABLE package_files (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    stored_name TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    category_code TEXT NOT NULL REFERENCES data_categories (code),
    added_by TEXT NOT NULL REFERENCES users (id),
    added_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP NULL
);
CREATE INDEX package_files_request ON package_files (request_id, added_at);

-- The ZIP built when the request was completed, under <data dir>/packages. Downloadable
-- until `expires_at`; then the sweeper deletes it (and the data it was built from) and
-- sets `deleted_at`. `downloads` counts every download, by the subject or by a link.
CREATE TABLE packages (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL UNIQUE REFERENCES requests (id),
    stored_name TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    built_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    downloads INTEGER NOT NULL DEFAULT 0,
    deleted_at TIMESTAMP NULL
);
CREATE INDEX packages_live ON packages (expires_at) WHERE deleted_at IS NULL;
-- A download link sent to the controller the subject named (Art. 20(2)): the hash of its
-- token only, with the package's expiry.
CREATE TABLE package_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    package_id TEXT NOT NULL REFERENCES packages (id),
    sent_to TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    downloads INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX package_links_package ON package_links (package_id);
