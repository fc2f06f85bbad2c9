-- Tax tables loaded by finance (org.relocation.tax, POST /api/tax-tables): one country's progressive income-tax
-- brackets and employee social-security rate, in the country's currency, in effect from effective_from until the
-- country's next table. Rows are only ever added, never changed, so a hypothetical tax, gross-up or settlement can
-- always name the table it used. The unique key also serves the lookup (country, latest effective_from on or before a day).
CREATE TABLE tax_table (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    country                  CHAR(2)         NOT NULL,
    currency                 CHAR(3)         NOT NULL,
    effective_from           DATE            NOT NULL,
    name                     VARCHAR(100)    NOT NULL,
    source                   VARCHAR(100)    NOT NULL,
    social_security_rate     DECIMAL(9, 6)   NOT NULL,
    social_security_ceiling  DECIMAL(19, 4),
    loaded_by                VARCHAR(64)     NOT NULL,
    loaded_at                DATETIME(6)     NOT NULL,
    CONSTRAINT uk_tax_table UNIQUE (country, effective_from)
);

-- The brackets of a table: income from lower_bound up to the next bracket's lower bound is taxed at rate (0.42 = 42 %).
-- The first bracket (bracket_index 0) starts at 0; lower bounds rise and rates never fall (progressive).
CREATE TABLE tax_bracket (
    tax_table_id  BIGINT          NOT NULL,
    bracket_index INT             NOT NULL,
    lower_bound   DECIMAL(19, 4)  NOT NULL,
    rate          DECIMAL(9, 6)   NOT NULL,
    CONSTRAINT pk_tax_bracket PRIMARY KEY (tax_table_id, bracket_index),
    CONSTRAINT fk_tax_bracket_table FOREIGN KEY (tax_table_id) REFERENCES tax_table (id)
);
