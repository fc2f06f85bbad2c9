package org.relocation.fx;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The loaded exchange rates; rows are only ever added ({@link ExchangeRate} is immutable). */
public interface ExchangeRateRepository extends Repository<ExchangeRate, Long> {

    <S extends ExchangeRate> List<S> saveAll(Iterable<S> rates);

    void flush();

    long count();

    /** The pair's row in effect on a day: the latest effective from on or before it. */
    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, a derived query is translated again on every call
    @Query("select r from ExchangeRate r where r.baseCurrency = ?1 and r.quoteCurrency = ?2 and r.effectiveFrom <= ?3 order by r.effectiveFrom desc limit 1")
    Optional<ExchangeRate> findFirstByBaseCurrencyAndQuoteCurrencyAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(
            String baseCurrency, String quoteCurrency, LocalDate on);

    boolean existsByBaseCurrencyAndQuoteCurrencyAndEffectiveFrom(String baseCurrency, String quoteCurrency, LocalDate effectiveFrom);

    /** Every rate from one base currency, newest effective date first. */
    Page<ExchangeRate> findByBaseCurrencyOrderByEffectiveFromDescQuoteCurrencyAscIdDesc(String baseCurrency, Pageable pageable);
}
