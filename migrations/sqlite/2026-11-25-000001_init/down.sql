DROP TABLE write_lock;
DROP TABLE outbox;
DROP TABLE audit_events;
DROP TABLE tokens;
DROP TABLE reference_counters;
DROP TABLE requests;
DROP TABLE users;
