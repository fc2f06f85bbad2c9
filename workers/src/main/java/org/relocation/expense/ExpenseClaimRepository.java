package org.relocation.expense;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ExpenseClaimRepository extends JpaRepository<ExpenseClaim, Long> {

    List<ExpenseClaim> findByCaseIdOrderById(Long caseId);
}
