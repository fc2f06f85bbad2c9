package org.relocation.demo;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's vendors: unique codes and names, every service of a Brazil to Germany move covered, the first vendor of
 * each service and country answering normally (so demo orders are answered as before the register), and Germany's
 * housing with vendors that answer late, refuse and never answer, each played by the simulator at its own path.
 */
class DemoVendorsTest {

    @Test
    void theSeedsCoverTheDemoMovesAndAnswerNormallyFirst() {
        List<DemoVendors.Seed> seeds = DemoVendors.seeds();
        assertThat(seeds.stream().map(DemoVendors.Seed::code)).doesNotHaveDuplicates();
        assertThat(seeds.stream().map(s -> s.name().toLowerCase())).doesNotHaveDuplicates();
        Map<String, DemoVendors.Seed> first = new LinkedHashMap<>();
        seeds.stream().filter(s -> s.city() == null).forEach(s -> first.putIfAbsent(s.service() + "/" + s.country(), s));
        assertThat(first.values()).allMatch(s -> s.answer().equals("normal"));
        Set<String> covered = new HashSet<>(first.keySet());
        assertThat(covered).contains("housing/DE", "moving/DE", "immigration-counsel/DE", "payroll/DE", "tax/DE", "benefits/DE",
                "payroll/BR", "tax/BR", "housing/US", "housing/NL", "housing/SG", "housing/GB");
        assertThat(seeds.stream().filter(s -> s.service().equals("housing") && s.country().equals("DE")).map(DemoVendors.Seed::answer))
                .hasSizeGreaterThanOrEqualTo(3).contains("normal", "late&delay=2m", "refuse", "never");
        seeds.forEach(s -> {
            var terms = DemoVendors.terms(s);
            assertThat(terms.endpointUrl()).isEqualTo("http://localhost:{local-port}/simulator/" + s.code() + "?answer=" + s.answer());
            assertThat(terms.currency()).as(s.code()).isNotNull();
            assertThat(terms.callbackSecret()).hasSizeGreaterThanOrEqualTo(16);
        });
    }
}
