package org.relocation.estimate;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The rate card the cost estimate uses, in {@link #currency} (EUR by default), and exchange rates to
 * convert it into a case's budget currency. Operators override any of it in application.yaml.
 */
@ConfigurationProperties("relocation.estimate")
public class EstimateProperties {

    private String currency = "EUR";
    private Map<String, BigDecimal> relocationAllowance = new HashMap<>(Map.of(
            "SHORT_TERM", new BigDecimal("2500"), "LONG_TERM", new BigDecimal("8000"),
            "PERMANENT_TRANSFER", new BigDecimal("12000"), "LOCAL_HIRE", new BigDecimal("4000")));
    private Map<String, Integer> temporaryHousingNights = new HashMap<>(Map.of(
            "SHORT_TERM", 14, "LONG_TERM", 30, "PERMANENT_TRANSFER", 45, "LOCAL_HIRE", 21));
    private BigDecimal defaultNightlyRate = new BigDecimal("150");
    private Map<String, BigDecimal> nightlyRateByCountry = new HashMap<>(Map.of(
            "US", new BigDecimal("220"), "GB", new BigDecimal("210"), "CH", new BigDecimal("240"),
            "SG", new BigDecimal("230"), "JP", new BigDecimal("190"), "AE", new BigDecimal("200")));
    private BigDecimal householdGoodsBase = new BigDecimal("4000");
    private BigDecimal householdGoodsPerTraveller = new BigDecimal("1500");
    private BigDecimal travelPerTraveller = new BigDecimal("900");
    private BigDecimal immigrationFeePerTraveller = new BigDecimal("1200");
    private BigDecimal destinationServices = new BigDecimal("2500");
    /** Units of the target currency per one unit of {@link #currency}. */
    private Map<String, BigDecimal> exchangeRates = new HashMap<>(Map.of(
            "EUR", BigDecimal.ONE, "USD", new BigDecimal("1.08"), "GBP", new BigDecimal("0.86"),
            "CHF", new BigDecimal("0.95"), "SGD", new BigDecimal("1.45"), "JPY", new BigDecimal("160"),
            "CAD", new BigDecimal("1.47"), "AUD", new BigDecimal("1.64"), "AED", new BigDecimal("3.97"),
            "INR", new BigDecimal("90")));

    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Map<String, BigDecimal> getRelocationAllowance() { return relocationAllowance; }
    public void setRelocationAllowance(Map<String, BigDecimal> v) { this.relocationAllowance = v; }
    public Map<String, Integer> getTemporaryHousingNights() { return temporaryHousingNights; }
    public void setTemporaryHousingNights(Map<String, Integer> v) { this.temporaryHousingNights = v; }
    public BigDecimal getDefaultNightlyRate() { return defaultNightlyRate; }
    public void setDefaultNightlyRate(BigDecimal v) { this.defaultNightlyRate = v; }
    public Map<String, BigDecimal> getNightlyRateByCountry() { return nightlyRateByCountry; }
    public void setNightlyRateByCountry(Map<String, BigDecimal> v) { this.nightlyRateByCountry = v; }
    public BigDecimal getHouseholdGoodsBase() { return householdGoodsBase; }
    public void setHouseholdGoodsBase(BigDecimal v) { this.householdGoodsBase = v; }
    public BigDecimal getHouseholdGoodsPerTraveller() { return householdGoodsPerTraveller; }
    public void setHouseholdGoodsPerTraveller(BigDecimal v) { this.householdGoodsPerTraveller = v; }
    public BigDecimal getTravelPerTraveller() { return travelPerTraveller; }
    public void setTravelPerTraveller(BigDecimal v) { this.travelPerTraveller = v; }
    public BigDecimal getImmigrationFeePerTraveller() { return immigrationFeePerTraveller; }
    public void setImmigrationFeePerTraveller(BigDecimal v) { this.immigrationFeePerTraveller = v; }
    public BigDecimal getDestinationServices() { return destinationServices; }
    public void setDestinationServices(BigDecimal v) { this.destinationServices = v; }
    public Map<String, BigDecimal> getExchangeRates() { return exchangeRates; }
    public void setExchangeRates(Map<String, BigDecimal> v) { this.exchangeRates = v; }
}
