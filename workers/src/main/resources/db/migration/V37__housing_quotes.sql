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
