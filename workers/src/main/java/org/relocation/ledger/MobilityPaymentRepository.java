package org.relocation.ledger;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

interface MobilityPaymentRepository extends JpaRepository<MobilityPayment, Long> {

    @Query("select p from MobilityPayment p where p.caseId = ?1 order by p.dueDate, p.id")
    List<MobilityPayment> findByCase(Long caseId);

    @Query("select p from MobilityPayment p where p.kind = ?1 and p.status = ?2 order by p.dueDate, p.id")
    List<MobilityPayment> findByKindAndStatus(PaymentKind kind, PaymentStatus status);

    @Query("select p from MobilityPayment p where p.idempotencyKey = ?1")
    Optional<MobilityPayment> findByIdempotencyKey(String key);

    /** Payments due in [from, to] not cancelled, or paid in [from, to]: everything a monthly report of the period counts. */
    @Query("select p from MobilityPayment p where (p.status <> org.relocation.ledger.PaymentStatus.CANCELLED and p.dueDate between ?1 and ?2)"
            + " or (p.paidOn between ?1 and ?2) order by p.costCentre, p.dueDate, p.id")
    List<MobilityPayment> findInPeriod(LocalDate from, LocalDate to);

    @Query("select p from MobilityPayment p where p.status = org.relocation.ledger.PaymentStatus.PAID and p.paidOn between ?1 and ?2"
            + " order by p.costCentre, p.caseId, p.id")
    List<MobilityPayment> findPaidBetween(LocalDate from, LocalDate to);

    @Query("select p from MobilityPayment p where p.status <> org.relocation.ledger.PaymentStatus.CANCELLED and p.costCentre in ?1")
    List<MobilityPayment> findLiveOfCostCentres(java.util.Collection<String> costCentres);
}
