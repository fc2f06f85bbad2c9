package org.relocation.fx;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The repository over a list, with the unique key (pair, effective date) the table has. */
class InMemoryExchangeRates implements ExchangeRateRepository {

    final List<ExchangeRate> rows = new ArrayList<>();

    @Override
    public <S extends ExchangeRate> List<S> saveAll(Iterable<S> rates) {
        List<S> saved = new ArrayList<>();
        for (S r : rates) {
            if (existsByBaseCurrencyAndQuoteCurrencyAndEffectiveFrom(r.getBaseCurrency(), r.getQuoteCurrency(), r.getEffectiveFrom())) {
                throw new org.springframework.dao.DataIntegrityViolationException("uk_exchange_rate");
            }
            ReflectionTestUtils.setField(r, "id", (long) rows.size() + 1);
            rows.add(r);
            saved.add(r);
        }
        return saved;
    }

    @Override
    public void flush() {
    }

    @Override
    public long count() {
        return rows.size();
    }

    @Override
    public Optional<ExchangeRate> findFirstByBaseCurrencyAndQuoteCurrencyAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(
            String base, String quote, LocalDate on) {
        return rows.stream()
                .filter(r -> r.getBaseCurrency().equals(base) && r.getQuoteCurrency().equals(quote) && !r.getEffectiveFrom().isAfter(on))
                .max(Comparator.comparing(ExchangeRate::getEffectiveFrom));
    }

    @Override
    public boolean existsByBaseCurrencyAndQuoteCurrencyAndEffectiveFrom(String base, String quote, LocalDate effectiveFrom) {
        return rows.stream().anyMatch(r -> r.getBaseCurrency().equals(base) && r.getQuoteCurrency().equals(quote)
                && r.getEffectiveFrom().equals(effectiveFrom));
    }

    @Override
    public Page<ExchangeRate> findByBaseCurrencyOrderByEffectiveFromDescQuoteCurrencyAscIdDesc(String base, Pageable pageable) {
        List<ExchangeRate> all = rows.stream().filter(r -> r.getBaseCurrency().equals(base))
                .sorted(Comparator.comparing(ExchangeRate::getEffectiveFrom).reversed()
                        .thenComparing(ExchangeRate::getQuoteCurrency)
                        .thenComparing(ExchangeRate::getId, Comparator.reverseOrder()))
                .toList();
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = Math.min(from + pageable.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), pageable, all.size());
    }
}
