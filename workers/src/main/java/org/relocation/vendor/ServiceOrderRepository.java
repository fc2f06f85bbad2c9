package org.relocation.vendor;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface ServiceOrderRepository extends JpaRepository<ServiceOrder, Long> {
    // JPQL, not a derived query: Hibernate keeps the plan of a JPQL string, a derived query is translated again on every call
    @Query("select o from ServiceOrder o where o.requestKey = ?1")
    Optional<ServiceOrder> findByRequestKey(String requestKey);

    @Query("select o from ServiceOrder o where o.reference = ?1")
    Optional<ServiceOrder> findByReference(String reference);

    @Query("select o from ServiceOrder o where o.caseId = ?1 order by o.id")
    List<ServiceOrder> findByCaseIdOrderById(Long caseId);

    /** Orders of these statuses past their confirmation day or, not acknowledged, their acknowledgement deadline. */
    @Query("select o.id from ServiceOrder o where o.status in ?1 and ((o.confirmBy is not null and o.confirmBy < ?2)"
            + " or (o.acknowledgeBy is not null and o.acknowledgedAt is null and o.acknowledgeBy < ?3)) order by o.id")
    List<Long> findSlaCandidates(java.util.Collection<ServiceOrder.Status> statuses, java.time.LocalDate today, java.time.Instant now);

    /** Replacement orders (a switch to the next vendor) still in this status, recorded before the instant. */
    @Query("select o.id from ServiceOrder o where o.status = ?1 and o.replacesOrderId is not null and o.requestedAt < ?2 order by o.id")
    List<Long> findUnsentReplacements(ServiceOrder.Status status, java.time.Instant before);
}
