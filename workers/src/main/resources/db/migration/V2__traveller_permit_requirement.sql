-- What each traveller needs to enter and work in the host country, as decided from the permit catalogue
-- (processes/reference/immigration-permits.csv): the catalogue's permit code and category, why (basis), the
-- typical processing time and where the rule comes from, so a specialist can see and check the decision.
ALTER TABLE case_traveller ADD COLUMN permit_code VARCHAR(60);
ALTER TABLE case_traveller ADD COLUMN permit_category VARCHAR(30);
ALTER TABLE case_traveller ADD COLUMN permit_name VARCHAR(200);
ALTER TABLE case_traveller ADD COLUMN permit_basis VARCHAR(60);
ALTER TABLE case_traveller ADD COLUMN permit_processing_days_min INT;
ALTER TABLE case_traveller ADD COLUMN permit_processing_days_max INT;
ALTER TABLE case_traveller ADD COLUMN permit_source VARCHAR(300);
ALTER TABLE case_traveller ADD COLUMN permit_reviewed_on DATE;
ALTER TABLE case_traveller ADD COLUMN permit_decided_at DATETIME(6);
