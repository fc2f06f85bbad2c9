-- destination services (issue 17): per-traveller orders (a school search per child, partner support) are looked up
-- by case, service and traveller when a vendor confirms one of several orders of the same service.
CREATE INDEX ix_service_order_case_type_traveller ON service_order (case_id, service_type, traveller_id);
