-- Queue indexes that also carry the other filter column (issue 6). Kept in lockstep with
-- the other backend's migration of the same name.
-- Each queue view is served by one index in (due_date, id) order; the filter that index
-- does not start with (kind, or status) is a trailing column, so it is checked inside the
-- index: no table row is read for a row that does not match, and counts are index-only.
-- No index per combination: intake pays for every index, so these replace the old ones.
--   status (+ kind)          -> requests_status_due (status, due_date, id, kind)
--   kind, all statuses       -> requests_kind_due   (kind, due_date, id, status)
--   needs action (+ kind)    -> requests_active_due (due_date, id, kind, status) WHERE <active>
-- (status too: SQLite reads a row to re-check the predicate unless the index has it)
--   all                      -> requests_due        (due_date, id)        (migration 1)
-- The partial index's predicate must match db::requests::ACTIVE_PREDICATE word for word.
DROP INDEX requests_status_due;
CREATE INDEX requests_status_due ON requests (status, due_date, id, kind);
DROP INDEX requests_kind_due;
CREATE INDEX requests_kind_due ON requests (kind, due_date, id, status);
DROP INDEX requests_active_due;
CREATE INDEX requests_active_due ON requests (due_date, id, kind, status)
    WHERE status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject');
