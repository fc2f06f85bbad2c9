package org.relocation.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a payment is for, mapped to the relocation policy: the estimate line it is budgeted in, the policy-exception
 * category that may raise its cap, and the period its cap applies to ({@link PolicyCaps} says what each cap is).
 */
public enum PaymentCategory {
    HOUSING("housing", "housing-allowance", "housing", CapPeriod.MONTH),
    COST_OF_LIVING("cost-of-living", "cost-of-living-allowance", "cost-of-living", CapPeriod.MONTH),
    PER_DIEM("per-diem", "per-diem", "other", CapPeriod.MONTH),
    HOME_LEAVE("home-leave", "home-leave", "home-leave", CapPeriod.NONE),
    SCHOOLING("schooling", "schooling", "schooling", CapPeriod.YEAR),
    RELOCATION_ALLOWANCE("relocation-allowance", "relocation-allowance", "relocation-allowance", CapPeriod.ASSIGNMENT),
    HOUSEHOLD_GOODS("household-goods", "household-goods", "household-goods", CapPeriod.NONE),
    TEMPORARY_HOUSING("temporary-housing", "temporary-housing", "temporary-housing", CapPeriod.ASSIGNMENT),
    DESTINATION_SERVICES("destination-services", "destination-services", "destination-services", CapPeriod.ASSIGNMENT),
    TRAVEL("travel", "travel", "travel", CapPeriod.NONE),
    IMMIGRATION_FEES("immigration-fees", "immigration-fees", "other", CapPeriod.NONE),
    TAX("tax", "tax-gross-up", "tax", CapPeriod.NONE),
    OTHER("other", null, "other", CapPeriod.NONE);

    private final String code;
    private final String estimateLine;
    private final String exceptionCategory;
    private final CapPeriod capPeriod;

    PaymentCategory(String code, String estimateLine, String exceptionCategory, CapPeriod capPeriod) {
        this.code = code;
        this.estimateLine = estimateLine;
        this.exceptionCategory = exceptionCategory;
        this.capPeriod = capPeriod;
    }

    public String code() { return code; }
    /** The cost estimate's line category this is budgeted in; null for none. */
    public String estimateLine() { return estimateLine; }
    /** The policy-exception category ({@code policyexception.ExceptionCategory} code) that may raise this category's cap. */
    public String exceptionCategory() { return exceptionCategory; }
    public CapPeriod capPeriod() { return capPeriod; }

    public static Optional<PaymentCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(PaymentCategory::code).toList();
    }
}
