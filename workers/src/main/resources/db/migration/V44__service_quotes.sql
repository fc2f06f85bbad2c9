-- Quotes for every service its policy quotes (issue 17), not only temporary housing: the household-goods shipment and
-- the destination services the services policy marks (relocation-services-policy, output "quote"). One table for all:
-- the quoted item (a services-policy code, "temporary-housing", or a code and a traveller for orders per traveller such
-- as "school-search:412"), the traveller it is for, and what was asked (the quote request's text).
ALTER TABLE housing_quote RENAME TO service_quote;
ALTER TABLE service_quote ADD COLUMN item VARCHAR(64);
ALTER TABLE service_quote ADD COLUMN traveller_id BIGINT;
ALTER TABLE service_quote ADD COLUMN detail VARCHAR(1000);
UPDATE service_quote SET item = 'temporary-housing';
CREATE INDEX ix_service_quote_case_item ON service_quote (case_id, item);
