-- Links that let a staff member set their own password (issue 9): an invitation, or a
-- reset that an admin or the person asked for. No password ever travels by email.
-- Kept in lockstep with the other backend's migration of the same name.
ALTER TABLE tokens DROP CONSTRAINT tokens_purpose_check;
ALTER TABLE tokens ADD CONSTRAINT tokens_purpose_check
    CHECK (purpose IN ('verify', 'access', 'setup', 'password'));
