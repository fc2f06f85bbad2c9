package org.relocation.quote;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.Optional;

interface ServiceQuoteRepository extends JpaRepository<ServiceQuote, Long> {

    List<ServiceQuote> findByCaseIdOrderById(Long caseId);

    List<ServiceQuote> findByCaseIdAndItemOrderById(Long caseId, String item);

    List<ServiceQuote> findByRequestKeyOrderById(String requestKey);

    /** The request a quote belongs to. */
    @Query("select q.requestKey from ServiceQuote q where q.reference = :reference")
    Optional<String> requestKeyOf(@Param("reference") String reference);

    /**
     * The quotes of a request, locked for the rest of the transaction (in id order, so two callers never deadlock): the
     * last two answers arriving together are counted one after the other, and one of them sees every quote answered.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select q from ServiceQuote q where q.requestKey = :requestKey order by q.id")
    List<ServiceQuote> lockRequest(@Param("requestKey") String requestKey);
}
