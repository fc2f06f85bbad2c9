-- Immigration counsel works per traveller: each counsel order is for one traveller, goes through
-- SUBMITTED and INFO_REQUESTED (request for more information) to APPROVED or REFUSED, and an approval
-- carries the permit's number and validity, which are recorded on the traveller (personal data: case records only).
ALTER TABLE service_order ADD COLUMN traveller_id BIGINT;
ALTER TABLE service_order ADD COLUMN permit_number VARCHAR(60);
ALTER TABLE service_order ADD COLUMN valid_from DATE;
ALTER TABLE service_order ADD COLUMN valid_until DATE;
ALTER TABLE service_order ADD COLUMN vendor_note VARCHAR(1000);
ALTER TABLE case_traveller ADD COLUMN permit_number VARCHAR(60);
ALTER TABLE case_traveller ADD COLUMN permit_valid_from DATE;
ALTER TABLE case_traveller ADD COLUMN permit_valid_until DATE;
