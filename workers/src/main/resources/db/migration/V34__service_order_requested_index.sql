-- Vendor performance (/api/vendors/performance) reads the orders requested in a period: index their request time.
CREATE INDEX ix_order_requested ON service_order (requested_at);
