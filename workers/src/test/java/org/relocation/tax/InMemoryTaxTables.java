package org.relocation.tax;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The repository over a list, with the unique key (country, effective date) the table has. */
class InMemoryTaxTables implements TaxTableRepository {

    final List<TaxTable> rows = new ArrayList<>();

    @Override
    public <S extends TaxTable> List<S> saveAll(Iterable<S> tables) {
        List<S> saved = new ArrayList<>();
        for (S t : tables) {
            if (existsByCountryAndEffectiveFrom(t.getCountry(), t.getEffectiveFrom())) {
                throw new org.springframework.dao.DataIntegrityViolationException("uk_tax_table");
            }
            ReflectionTestUtils.setField(t, "id", (long) rows.size() + 1);
            rows.add(t);
            saved.add(t);
        }
        return saved;
    }

    @Override
    public void flush() {
    }

    @Override
    public Optional<TaxTable> findInEffect(String country, LocalDate on) {
        return rows.stream().filter(t -> t.getCountry().equals(country) && !t.getEffectiveFrom().isAfter(on))
                .max(Comparator.comparing(TaxTable::getEffectiveFrom));
    }

    @Override
    public boolean existsByCountryAndEffectiveFrom(String country, LocalDate effectiveFrom) {
        return rows.stream().anyMatch(t -> t.getCountry().equals(country) && t.getEffectiveFrom().equals(effectiveFrom));
    }

    @Override
    public Page<TaxTable> findByCountryOrderByEffectiveFromDescIdDesc(String country, Pageable pageable) {
        List<TaxTable> all = rows.stream().filter(t -> t.getCountry().equals(country))
                .sorted(Comparator.comparing(TaxTable::getEffectiveFrom).reversed()).toList();
        return new PageImpl<>(all, pageable, all.size());
    }

    @Override
    public Page<TaxTable> findAllByOrderByCountryAscEffectiveFromDescIdDesc(Pageable pageable) {
        return new PageImpl<>(List.copyOf(rows), pageable, rows.size());
    }
}
