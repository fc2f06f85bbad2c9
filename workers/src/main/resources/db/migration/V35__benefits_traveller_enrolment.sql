-- Benefits per traveller (issue 17): one enrolment per traveller of the case (the employee and each dependant) with the
-- plan the benefits policy (relocation-benefits-policy.dmn) and the employee's choice gave, the cover start the
-- enrolment vendor confirmed and the status (PENDING until the employee chose, ORDERED, CONFIRMED, NOT_ENROLLED for a
-- dependant left out). A cover start after the case's start date is flagged to the specialist by the process.
CREATE TABLE benefits_traveller_enrolment (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id BIGINT NOT NULL,
    traveller_id BIGINT NOT NULL,
    plan VARCHAR(40) NOT NULL,
    cover_start DATE,
    status VARCHAR(20) NOT NULL,
    CONSTRAINT fk_benefits_traveller_case FOREIGN KEY (case_id) REFERENCES relocation_case (id),
    CONSTRAINT fk_benefits_traveller_traveller FOREIGN KEY (traveller_id) REFERENCES case_traveller (id),
    CONSTRAINT uk_benefits_traveller UNIQUE (case_id, traveller_id)
);
