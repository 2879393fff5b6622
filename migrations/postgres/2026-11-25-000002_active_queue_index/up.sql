-- The default queue ("needs action") pages through only the requests still open. Most
-- rows are closed and have earlier due dates, so the plain (due_date, id) index would scan
-- them all; this partial index holds only the active ones. The predicate must match
-- db::requests::ACTIVE_PREDICATE word for word so both planners can use it.
CREATE INDEX requests_active_due ON requests (due_date, id)
    WHERE status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject');
