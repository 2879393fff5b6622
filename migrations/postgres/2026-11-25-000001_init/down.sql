DROP TABLE write_lock;
DROP TABLE outbox;
DROP TABLE audit_events;
DROP FUNCTION audit_events_append_only();
DROP TABLE tokens;
DROP TABLE reference_counters;
DROP TABLE requests;
DROP TABLE users;
