package org.relocation.tax;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface TaxYearSettlementRepository extends JpaRepository<TaxYearSettlement, Long> {

    List<TaxYearSettlement> findByCaseIdOrderByTaxYearAscIdAsc(Long caseId);
}
