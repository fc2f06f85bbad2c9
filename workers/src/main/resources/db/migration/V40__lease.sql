-- destination services (issue 17): the lease the specialist records after the home search. One per case (recording
-- it again after a refused exception replaces it). The rent is checked against the policy's housing cap (EUR):
-- rent_policy_amount is the monthly rent converted to EUR on the day it was checked; above the cap, exception_id is the
-- policy exception asked for it. status: RECORDED, WITHIN_CAP, EXCEPTION_REQUESTED, ACCEPTED, REFUSED.
CREATE TABLE lease (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id             BIGINT         NOT NULL,
    address             VARCHAR(300)   NOT NULL,
    monthly_rent        DECIMAL(19, 2) NOT NULL,
    rent_currency       VARCHAR(3)     NOT NULL,
    deposit_amount      DECIMAL(19, 2) NOT NULL,
    lease_start         DATE           NOT NULL,
    lease_end           DATE           NOT NULL,
    rent_policy_amount  DECIMAL(19, 2),
    housing_cap         DECIMAL(19, 2),
    status              VARCHAR(30)    NOT NULL,
    exception_id        BIGINT,
    recorded_by         VARCHAR(64)    NOT NULL,
    recorded_at         DATETIME(6)    NOT NULL,
    version             BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_lease_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT uk_lease_case UNIQUE (case_id)
);
