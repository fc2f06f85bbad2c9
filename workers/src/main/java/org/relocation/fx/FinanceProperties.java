package org.relocation.fx;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code relocation.finance}: {@code reporting-currency} (ISO 4217, default EUR) is the currency finance reports in,
 * and the one cross rates go through when a pair has no rate of its own (e.g. USD to SGD as USD/EUR × EUR/SGD).
 * The standalone workers read the same key (workers.yaml): keep both configurations alike.
 */
@ConfigurationProperties("relocation.finance")
public class FinanceProperties {

    private String reportingCurrency = "EUR";

    public String getReportingCurrency() { return reportingCurrency; }
    public void setReportingCurrency(String reportingCurrency) { this.reportingCurrency = reportingCurrency; }
}
