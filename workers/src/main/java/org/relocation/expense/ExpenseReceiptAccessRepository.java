package org.relocation.expense;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ExpenseReceiptAccessRepository extends JpaRepository<ExpenseReceiptAccess, Long> {

    List<ExpenseReceiptAccess> findByClaimIdOrderByOccurredAtAscIdAsc(Long claimId);
}
