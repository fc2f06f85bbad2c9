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
}
