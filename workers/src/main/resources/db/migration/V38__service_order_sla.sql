-- SLAs of vendor orders (docs/journey.md "Vendor SLAs"): the deadlines an order awaiting a callback gets when it is
-- recorded, from its vendor's contract terms (or the configured defaults for a configured endpoint): acknowledge_by
-- (clock hours), confirm_by and deliver_by (business days of the vendor's country, last day included). NULL: the order
-- awaits no callback, or was placed before the SLAs. acknowledged_at: the vendor's ACKNOWLEDGED (or first answer).
-- The watcher (process relocation-vendor-sla-watch) reminds the vendor once per breach (sla_reminded_for:
-- ACKNOWLEDGEMENT or CONFIRMATION; reminders counts them), then escalates to the specialists once per breach
-- (escalated_at; escalation_open while the specialists' resolve-vendor-delay task is open). A switch to the next vendor
-- withdraws the order (status WITHDRAWN, withdrawn_at) and places a new one that replaces it (replaces_order_id).
ALTER TABLE service_order ADD COLUMN acknowledge_by DATETIME(6);
ALTER TABLE service_order ADD COLUMN confirm_by DATE;
ALTER TABLE service_order ADD COLUMN deliver_by DATE;
ALTER TABLE service_order ADD COLUMN acknowledged_at DATETIME(6);
ALTER TABLE service_order ADD COLUMN sla_reminded_for VARCHAR(20);
ALTER TABLE service_order ADD COLUMN reminded_at DATETIME(6);
ALTER TABLE service_order ADD COLUMN reminders INT NOT NULL DEFAULT 0;
ALTER TABLE service_order ADD COLUMN escalated_at DATETIME(6);
ALTER TABLE service_order ADD COLUMN escalation_open BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE service_order ADD COLUMN withdrawn_at DATETIME(6);
ALTER TABLE service_order ADD COLUMN replaces_order_id BIGINT;
ALTER TABLE service_order ADD CONSTRAINT fk_order_replaces FOREIGN KEY (replaces_order_id) REFERENCES service_order (id);
CREATE INDEX ix_order_status_confirm_by ON service_order (status, confirm_by);
