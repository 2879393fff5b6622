DROP TABLE data_fixes;
DROP TABLE sessions;
