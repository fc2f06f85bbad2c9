package org.relocation.vendor;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.List;

/** The orders vendor performance reads ({@link VendorPerformance}). */
interface PerformanceOrderRepository extends Repository<ServiceOrder, Long> {

    @Query("select o from ServiceOrder o where o.requestedAt >= ?1 and o.requestedAt < ?2 order by o.id")
    List<ServiceOrder> findRequestedBetween(Instant from, Instant to);
}
