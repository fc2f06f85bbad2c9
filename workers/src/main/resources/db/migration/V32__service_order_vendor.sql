-- The registered vendor an order was sent to (V31): its endpoint signed the order and its secret verifies the order's
-- callbacks. NULL: the order went to the configured endpoint of its category (relocation.vendors.endpoints.<category>),
-- as every order did before the register. service_order.vendor keeps the name in the callback path (the vendor's code,
-- or the category for a configured endpoint).
ALTER TABLE service_order ADD COLUMN vendor_id BIGINT;
ALTER TABLE service_order ADD CONSTRAINT fk_order_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id);
