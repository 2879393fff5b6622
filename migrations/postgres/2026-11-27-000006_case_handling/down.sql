DROP TABLE notes;
DROP TABLE uploads;
DROP TABLE questions;
DROP INDEX requests_assignee;
ALTER TABLE requests
    DROP COLUMN version,
    DROP COLUMN missed_policy_date,
    DROP COLUMN answer_text,
    DROP COLUMN outcome_reasons,
    DROP COLUMN rejection_justification,
    DROP COLUMN withdrawal_reason;
ALTER TABLE requests DROP CONSTRAINT requests_channel_check;
ALTER TABLE requests ADD CONSTRAINT requests_channel_check
    CHECK (channel IN ('portal', 'api', 'phone', 'letter', 'email'));
