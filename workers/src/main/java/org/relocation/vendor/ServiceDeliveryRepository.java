package org.relocation.vendor;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ServiceDeliveryRepository extends JpaRepository<ServiceDelivery, Long> {

    @Query("select d from ServiceDelivery d where d.serviceOrderId = ?1")
    Optional<ServiceDelivery> findByServiceOrderId(Long serviceOrderId);

    @Query("select d from ServiceDelivery d where d.caseId = ?1 order by d.id")
    List<ServiceDelivery> findByCaseId(Long caseId);

    @Query("select d from ServiceDelivery d where d.serviceOrderId in ?1")
    List<ServiceDelivery> findByServiceOrderIds(Collection<Long> serviceOrderIds);
}
