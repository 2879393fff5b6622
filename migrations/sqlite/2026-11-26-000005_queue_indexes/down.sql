DROP INDEX requests_active_due;
CREATE INDEX requests_active_due ON requests (due_date, id)
    WHERE status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject');
DROP INDEX requests_kind_due;
CREATE INDEX requests_kind_due ON requests (kind, due_date, id);
DROP INDEX requests_status_due;
CREATE INDEX requests_status_due ON requests (status, due_date, id);
