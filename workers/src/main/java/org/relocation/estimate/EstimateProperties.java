package org.relocation.estimate;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the cost estimate the policy decision tables do not decide, in {@link #currency} (EUR by default):
 * fares, household-goods shipment, immigration fees, the tax gross-up. Operators override any of it in
 * application.yaml; allowances and rates by tier and city band are in {@code processes/relocation-allowances.dmn}.
 */
@ConfigurationProperties("relocation.estimate")
public class EstimateProperties {

    private String currency = "EUR";
    /** One-way fare per traveller (also per home-leave trip and traveller). */
    private BigDecimal travelFarePerTraveller = new BigDecimal("900");
    private BigDecimal householdGoodsBase = new BigDecimal("4000");
    private BigDecimal householdGoodsPerTraveller = new BigDecimal("1500");
    /** Household goods cost this much more across borders (longer distance, customs). */
    private BigDecimal householdGoodsInternationalFactor = new BigDecimal("1.6");
    private BigDecimal immigrationFeePerTraveller = new BigDecimal("1200");
    /** Share of the taxable lines the company pays as tax on them (gross-up), e.g. 0.30. */
    private BigDecimal taxGrossUpRate = new BigDecimal("0.30");
    /** The estimate lines that are taxable benefits of the employee. */
    private List<String> taxableCategories = new ArrayList<>(List.of(
            "relocation-allowance", "cost-of-living-allowance", "housing-allowance", "home-leave", "schooling"));
    /** Travel days per month of an extended business traveller (per diem and fares). */
    private int businessTravelDaysPerMonth = 8;

    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getTravelFarePerTraveller() { return travelFarePerTraveller; }
    public void setTravelFarePerTraveller(BigDecimal v) { this.travelFarePerTraveller = v; }
    public BigDecimal getHouseholdGoodsBase() { return householdGoodsBase; }
    public void setHouseholdGoodsBase(BigDecimal v) { this.householdGoodsBase = v; }
    public BigDecimal getHouseholdGoodsPerTraveller() { return householdGoodsPerTraveller; }
    public void setHouseholdGoodsPerTraveller(BigDecimal v) { this.householdGoodsPerTraveller = v; }
    public BigDecimal getHouseholdGoodsInternationalFactor() { return householdGoodsInternationalFactor; }
    public void setHouseholdGoodsInternationalFactor(BigDecimal v) { this.householdGoodsInternationalFactor = v; }
    public BigDecimal getImmigrationFeePerTraveller() { return immigrationFeePerTraveller; }
    public void setImmigrationFeePerTraveller(BigDecimal v) { this.immigrationFeePerTraveller = v; }
    public BigDecimal getTaxGrossUpRate() { return taxGrossUpRate; }
    public void setTaxGrossUpRate(BigDecimal v) { this.taxGrossUpRate = v; }
    public List<String> getTaxableCategories() { return taxableCategories; }
    public void setTaxableCategories(List<String> v) { this.taxableCategories = v; }
    public int getBusinessTravelDaysPerMonth() { return businessTravelDaysPerMonth; }
    public void setBusinessTravelDaysPerMonth(int v) { this.businessTravelDaysPerMonth = v; }
}
