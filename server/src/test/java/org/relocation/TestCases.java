package org.relocation;

import org.relocation.relocationcase.CaseIntake;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Case records without a journey: nothing runs on them unless a test makes it (decision log, register tests). */
public final class TestCases {

    private TestCases() {
    }

    public static RelocationCase recordOnly(CaseService cases) {
        return cases.register(new CaseIntake("Test Employee", "employee@example.com", "employee", "IN", "GB", "London", "DE", "Berlin",
                "LONG_TERM", LocalDate.of(2027, 3, 1), LocalDate.of(2029, 2, 28), "CC-42", new BigDecimal("250000"), "EUR",
                6, new BigDecimal("90000"), "EUR", List.of(), "manager", null), "test");
    }
}
