DELETE FROM tokens WHERE purpose = 'password';
ALTER TABLE tokens DROP CONSTRAINT tokens_purpose_check;
ALTER TABLE tokens ADD CONSTRAINT tokens_purpose_check
    CHECK (purpose IN ('verify', 'access', 'setup'));
