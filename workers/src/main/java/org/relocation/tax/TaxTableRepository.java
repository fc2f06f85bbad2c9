package org.relocation.tax;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The loaded tax tables; rows are only ever added ({@link TaxTable} is immutable). */
interface TaxTableRepository extends Repository<TaxTable, Long> {

    <S extends TaxTable> List<S> saveAll(Iterable<S> tables);

    void flush();

    /** The country's table in effect on a day: the latest effective from on or before it. */
    @Query("select t from TaxTable t where t.country = ?1 and t.effectiveFrom <= ?2 order by t.effectiveFrom desc limit 1")
    Optional<TaxTable> findInEffect(String country, LocalDate on);

    boolean existsByCountryAndEffectiveFrom(String country, LocalDate effectiveFrom);

    /** A country's tables, newest effective date first. */
    Page<TaxTable> findByCountryOrderByEffectiveFromDescIdDesc(String country, Pageable pageable);

    /** Every table, by country, newest effective date first. */
    Page<TaxTable> findAllByOrderByCountryAscEffectiveFromDescIdDesc(Pageable pageable);
}
