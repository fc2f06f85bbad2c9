-- Exchange rates loaded by finance (org.relocation.fx, POST /api/exchange-rates): 1 base_currency = rate
-- quote_currency from effective_from on, until the pair's next effective date. Rows are only ever added, never
-- changed, so a conversion can always name the rate it used. The unique key also serves the lookups (pair, latest
-- effective_from on or before a day) and the history of a base currency.
CREATE TABLE exchange_rate (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    base_currency  CHAR(3)         NOT NULL,
    quote_currency CHAR(3)         NOT NULL,
    rate           DECIMAL(19, 10) NOT NULL,
    effective_from DATE            NOT NULL,
    source         VARCHAR(100)    NOT NULL,
    loaded_by      VARCHAR(64)     NOT NULL,
    loaded_at      DATETIME(6)     NOT NULL,
    CONSTRAINT uk_exchange_rate UNIQUE (base_currency, quote_currency, effective_from)
);
