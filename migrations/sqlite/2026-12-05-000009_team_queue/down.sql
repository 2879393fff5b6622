DROP INDEX requests_active_due;
CREATE INDEX requests_active_due ON requests (due_date, id, kind, status)
    WHERE status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject');
DROP INDEX requests_name_prefix;
ALTER TABLE requests DROP COLUMN subject_name_key;
ALTER TABLE requests DROP COLUMN paused_on;
