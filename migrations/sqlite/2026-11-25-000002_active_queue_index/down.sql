DROP INDEX requests_active_due;
