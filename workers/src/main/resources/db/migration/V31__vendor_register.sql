-- The vendor register (issue 17, org.relocation.vendor.VendorRegister, /api/vendors): one row per contracted vendor of
-- one service category (housing, moving, payroll, tax, benefits, immigration-counsel; a later service type adds its
-- category) in one country, optionally one city (NULL: the whole country). Managed by HR administration and finance.
-- code: the vendor's identifier in its callback path (/api/vendor-callbacks/{code}); never changes once registered.
-- callback_secret: the shared HMAC secret that signs its orders and verifies its callbacks; never returned by the API.
-- SLAs of the contract: acknowledgement in clock hours, confirmation and delivery in business days (days of the
-- order's country that are not weekends or public holidays, like the key dates). Rates in vendor_rate, all in the
-- vendor's currency. Orders name their vendor (service_order.vendor_id, V32), so quotes, SLA timers and ratings of
-- later slices hang off these rows. Portable across H2 and MySQL 8 / MariaDB 10.11.
CREATE TABLE vendor (
    id                          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code                        VARCHAR(40)    NOT NULL,
    name                        VARCHAR(120)   NOT NULL,
    name_key                    VARCHAR(120)   NOT NULL,
    category                    VARCHAR(40)    NOT NULL,
    country                     CHAR(2)        NOT NULL,
    city                        VARCHAR(100),
    currency                    CHAR(3)        NOT NULL,
    acknowledgement_hours       INT            NOT NULL,
    confirmation_business_days  INT            NOT NULL,
    delivery_business_days      INT            NOT NULL,
    endpoint_url                VARCHAR(500)   NOT NULL,
    callback_secret             VARCHAR(200)   NOT NULL,
    active                      BOOLEAN        NOT NULL,
    created_at                  DATETIME(6)    NOT NULL,
    created_by                  VARCHAR(64)    NOT NULL,
    updated_at                  DATETIME(6)    NOT NULL,
    updated_by                  VARCHAR(64)    NOT NULL,
    version                     BIGINT         NOT NULL,
    CONSTRAINT uk_vendor_code UNIQUE (code),
    CONSTRAINT uk_vendor_name UNIQUE (name_key)
);
-- the lookup of an order's vendor: active vendors of a category covering a country
CREATE INDEX ix_vendor_coverage ON vendor (category, country, active);

-- A vendor's contracted rates: unit_price in the vendor's currency per unit (NIGHT, ORDER, HOUR, CUBIC_METRE, MONTH,
-- PERSON), at most one rate per unit.
CREATE TABLE vendor_rate (
    vendor_id   BIGINT         NOT NULL,
    unit        VARCHAR(20)    NOT NULL,
    unit_price  DECIMAL(19, 2) NOT NULL,
    CONSTRAINT fk_vendor_rate_vendor FOREIGN KEY (vendor_id) REFERENCES vendor (id),
    CONSTRAINT uk_vendor_rate_unit UNIQUE (vendor_id, unit)
);
