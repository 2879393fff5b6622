DROP INDEX tokens_expires;
