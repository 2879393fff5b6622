DROP TABLE objection_decisions;
DROP TABLE restriction_lifts;
DROP TABLE suppressions;
DROP TABLE category_outcomes;
DROP TABLE retention_rules;
DROP TABLE data_categories;
