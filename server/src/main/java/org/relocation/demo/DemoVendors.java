package org.relocation.demo;

import org.relocation.vendor.VendorRate;
import org.relocation.vendor.VendorRegister;
import org.relocation.vendor.VendorTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demo only: registers vendors for every service in the demo cases' countries (Brazil to Germany among them), all played
 * by the {@link VendorSimulator} ({@code /simulator/<code>}). The first of each service and country answers normally, so
 * orders are answered as before. Germany has several per service: for housing a Berlin vendor (chosen first for Berlin:
 * a city's vendor before a country's), a country-wide one that answers, then one that answers late, one that refuses and
 * one that never answers, each shown by deactivating the ones registered before it. Each vendor's secret is
 * {@code demo-vendor-secret-<code>}. Vendors already registered are left as they are.
 */
@Component
@Profile("demo") // never without the demo profile, whatever relocation.demo.* says (platform/configuration)
@ConditionalOnProperty(name = "relocation.demo.seed-vendors", havingValue = "true")
class DemoVendors {

    private static final Logger log = LoggerFactory.getLogger(DemoVendors.class);
    static final String SECRET_PREFIX = "demo-vendor-secret-";
    private static final Map<String, String> CURRENCIES = Map.of("DE", "EUR", "NL", "EUR", "FR", "EUR", "US", "USD", "SG", "SGD",
            "GB", "GBP", "BR", "BRL", "JP", "JPY", "IN", "INR", "SE", "SEK");

    /** One seeded vendor: its code, name, service, country, city (null: the whole country) and how the simulator answers. */
    record Seed(String code, String name, String service, String country, String city, String answer) {
    }

    private final VendorRegister register;

    DemoVendors(VendorRegister register) {
        this.register = register;
    }

    static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>(List.of(
                new Seed("berlin-homes", "Berlin Homes GmbH", "housing", "DE", "Berlin", "normal"),
                new Seed("deutsche-apartments", "Deutsche Apartments AG", "housing", "DE", null, "normal"),
                new Seed("rhein-stays", "Rhein Stays GmbH", "housing", "DE", null, "late&delay=2m"),
                new Seed("quick-keys-de", "Quick Keys Deutschland", "housing", "DE", null, "refuse"),
                new Seed("silent-stays-de", "Silent Stays Deutschland", "housing", "DE", null, "never"),
                new Seed("umzug-express", "Umzug Express GmbH", "moving", "DE", null, "normal"),
                new Seed("elbe-movers", "Elbe Movers GmbH", "moving", "DE", null, "late&delay=2m"),
                new Seed("kanzlei-aufenthalt", "Kanzlei Aufenthalt", "immigration-counsel", "DE", null, "normal"),
                new Seed("visa-partner-de", "Visa Partner Deutschland", "immigration-counsel", "DE", null, "normal"),
                new Seed("lohn-service-de", "Lohn Service Deutschland", "payroll", "DE", null, "normal"),
                new Seed("steuer-beratung-de", "Steuerberatung Deutschland", "tax", "DE", null, "normal"),
                new Seed("versicherung-de", "Versicherung Deutschland", "benefits", "DE", null, "normal"),
                new Seed("folha-brasil", "Folha Brasil Ltda", "payroll", "BR", null, "normal"),
                new Seed("contabil-sp", "Contabil Sao Paulo Ltda", "tax", "BR", null, "normal"),
                new Seed("mudancas-brasil", "Mudancas Brasil Ltda", "moving", "BR", null, "normal"),
                new Seed("previdencia-br", "Previdencia Servicos Brasil", "benefits", "BR", null, "normal")));
        // one vendor per service in each other country of the demo cases
        Map<String, List<String>> others = Map.of(
                "housing", List.of("NL", "US", "SG", "GB", "FR"),
                "moving", List.of("NL", "US", "SG", "GB", "FR"),
                "immigration-counsel", List.of("NL", "US", "SG", "GB", "FR"),
                "payroll", List.of("NL", "US", "SG", "GB", "FR", "JP", "IN", "SE"),
                "tax", List.of("NL", "US", "SG", "GB", "FR", "JP", "IN", "SE"),
                "benefits", List.of("NL", "US", "SG", "GB", "FR"));
        others.forEach((service, countries) -> countries.forEach(country -> seeds.add(new Seed(service + "-" + country.toLowerCase(),
                "Demo " + service + " " + country, service, country, null, "normal"))));
        // the family's services at destination (relocation-destination-services): in Germany a Berlin vendor and a
        // country-wide one per service, one per service in each other host country of the demo cases
        for (String service : List.of("home-search", "school-search", "destination-services", "language-training", "partner-support",
                "eap-enrolment")) {
            seeds.add(new Seed(service + "-de", "Demo " + service + " DE", service, "DE", null, "normal"));
            seeds.add(new Seed(service + "-berlin", "Demo " + service + " Berlin", service, "DE", "Berlin", "normal"));
            for (String country : List.of("NL", "US", "SG", "GB", "FR")) {
                seeds.add(new Seed(service + "-" + country.toLowerCase(), "Demo " + service + " " + country, service, country, null, "normal"));
            }
        }
        return seeds;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5) // before the demo cases place their orders
    void seed() {
        int added = 0;
        for (Seed s : seeds()) {
            if (!register.list(s.service(), s.country(), null).stream().anyMatch(v -> v.getCode().equals(s.code()))) {
                register.register(s.code(), terms(s), "demo");
                added++;
            }
        }
        if (added > 0) {
            log.info("Demo vendor register: {} vendors registered", added);
        }
    }

    static VendorTerms terms(Seed s) {
        String currency = CURRENCIES.get(s.country());
        List<VendorTerms.Rate> rates = switch (s.service()) {
            case "housing" -> List.of(rate(VendorRate.Unit.NIGHT, "145.00"));
            case "moving" -> List.of(rate(VendorRate.Unit.CUBIC_METRE, "95.00"), rate(VendorRate.Unit.ORDER, "450.00"));
            case "immigration-counsel" -> List.of(rate(VendorRate.Unit.ORDER, "1500.00"), rate(VendorRate.Unit.HOUR, "220.00"));
            case "payroll" -> List.of(rate(VendorRate.Unit.MONTH, "60.00"));
            case "tax" -> List.of(rate(VendorRate.Unit.ORDER, "900.00"), rate(VendorRate.Unit.HOUR, "180.00"));
            case "home-search" -> List.of(rate(VendorRate.Unit.ORDER, "2400.00"));
            case "school-search" -> List.of(rate(VendorRate.Unit.ORDER, "1100.00"));
            case "destination-services" -> List.of(rate(VendorRate.Unit.ORDER, "850.00"));
            case "language-training", "partner-support" -> List.of(rate(VendorRate.Unit.HOUR, "75.00"));
            default -> List.of(rate(VendorRate.Unit.PERSON, "40.00"));
        };
        return new VendorTerms(s.name(), s.service(), s.country(), s.city(), currency, rates, 4, 2, 10,
                "http://localhost:{local-port}/simulator/" + s.code() + "?answer=" + s.answer(), SECRET_PREFIX + s.code(), true);
    }

    private static VendorTerms.Rate rate(VendorRate.Unit unit, String price) {
        return new VendorTerms.Rate(unit, new BigDecimal(price));
    }
}
