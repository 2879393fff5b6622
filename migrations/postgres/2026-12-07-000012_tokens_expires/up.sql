-- The sweeper deletes expired tokens by range (issue 6: it read every token every five
-- seconds). Kept in lockstep with the other backend's migration.
CREATE INDEX tokens_expires ON tokens (expires_at);
