package org.relocation.policyexception;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a policy exception is about: the estimate categories it adds to, or something else the policy does not cover. */
public enum ExceptionCategory {
    HOUSING("housing"),
    TEMPORARY_HOUSING("temporary-housing"),
    HOUSEHOLD_GOODS("household-goods"),
    COST_OF_LIVING("cost-of-living"),
    SCHOOLING("schooling"),
    HOME_LEAVE("home-leave"),
    TRAVEL("travel"),
    RELOCATION_ALLOWANCE("relocation-allowance"),
    DESTINATION_SERVICES("destination-services"),
    TAX("tax"),
    ELIGIBILITY("eligibility"),
    OTHER("other");

    private final String code;

    ExceptionCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ExceptionCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ExceptionCategory::code).toList();
    }
}
