-- Quotes for every service its policy quotes (issue 17), not only temporary housing: the household-goods shipment and
-- the destination services the services policy marks (relocation-services-policy, output "quote"). One table for all:
-- the quoted item (a services-policy code, "temporary-housing", or a code and a traveller for orders per traveller such
-- as "school-search:412"), the traveller it is for, and what was asked (the quote request's text).
ALTER TABLE housing_quote RENAME TO service_quote;
ALTER TABLE service_quote ADD COLUMN item VARCHAR(64);
ALTER TABLE service_quote ADD COLUMN traveller_id BIGINT;
ALTER TABLE service_quote ADD COLUMN detail VARCHAR(1000);
-- The stays quoted before: their item, and what was asked in the words the order now takes from the quote.
UPDATE service_quote SET item = 'temporary-housing',
    detail = CONCAT('Temporary housing for ', travellers, CASE WHEN travellers = 1 THEN ' traveller' ELSE ' travellers' END, ', ',
                    nights, CASE WHEN nights = 1 THEN ' night' ELSE ' nights' END,
                    ' from ', CAST(start_date AS CHAR(10)), ' to ', CAST(end_date AS CHAR(10)));
CREATE INDEX ix_service_quote_case_item ON service_quote (case_id, item);
