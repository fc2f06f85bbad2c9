-- Quotes for temporary housing (issue 17): when two or more active housing vendors cover the case's host country/city,
-- up to three are asked for a quote; each answers (price for the nights, or declines) through its signed callback; the
-- specialist chooses one in the form choose-housing-quote, and the chosen vendor receives the order.
CREATE TABLE housing_quote (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    service_type VARCHAR(40) NOT NULL,
    vendor_id BIGINT NOT NULL,
    reference VARCHAR(40) NOT NULL,
    request_key VARCHAR(100) NOT NULL,
    status VARCHAR(20) NOT NULL,
    nights INT NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    travellers INT NOT NULL,
    price DECIMAL(19, 2),
    currency VARCHAR(3),
    terms VARCHAR(1000),
    decline_reason VARCHAR(1000),
    requested_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    answered_at TIMESTAMP,
    chosen_by VARCHAR(100),
    chosen_at TIMESTAMP,
    version BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_housing_quote_reference UNIQUE (reference),
    CONSTRAINT uq_housing_quote_request UNIQUE (request_key, vendor_id),
    CONSTRAINT fk_housing_quote_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT fk_housing_quote_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id)
);
CREATE INDEX ix_housing_quote_case ON housing_quote (case_id);
-- The vendors whose quote was not chosen are told (the notice's time on their quote).
ALTER TABLE housing_quote ADD COLUMN notified_at TIMESTAMP;

-- An order placed on an accepted quote carries it; the vendor's invoice (its cost callback) is checked against it:
-- WITHIN_QUOTE (recorded in the payments ledger at once), ABOVE_QUOTE (the excess flagged, finance decides in
-- decide-invoice-excess), then EXCESS_ACCEPTED (the invoice recorded) or DISPUTED (only the quoted amount recorded,
-- the vendor told).
ALTER TABLE service_order ADD COLUMN quote_reference VARCHAR(40);
ALTER TABLE service_order ADD COLUMN quoted_amount DECIMAL(19, 2);
ALTER TABLE service_order ADD COLUMN quoted_currency VARCHAR(3);
ALTER TABLE service_order ADD COLUMN invoice_check VARCHAR(20);
ALTER TABLE service_order ADD COLUMN invoice_excess DECIMAL(19, 2);
ALTER TABLE service_order ADD COLUMN invoice_decided_by VARCHAR(100);
ALTER TABLE service_order ADD COLUMN invoice_decided_at TIMESTAMP;
ALTER TABLE service_order ADD COLUMN invoice_decision_note VARCHAR(1000);
