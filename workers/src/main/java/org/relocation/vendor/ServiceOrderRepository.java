package org.relocation.vendor;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface ServiceOrderRepository extends JpaRepository<ServiceOrder, Long> {
    Optional<ServiceOrder> findByRequestKey(String requestKey);

    Optional<ServiceOrder> findByReference(String reference);

    List<ServiceOrder> findByCaseIdOrderById(Long caseId);
}
