package org.relocation.keydate;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

/**
 * Key dates of cases. {@link #register} (from {@link KeyDateRegistration}, implemented in org.relocation.keydate)
 * is the way to write one: it upserts per case, traveller and kind and plans the engine follow-up.
 */
public interface KeyDateRepository extends JpaRepository<KeyDate, Long>, KeyDateRegistration {

    List<KeyDate> findByCaseIdOrderByDueDate(Long caseId);

    List<KeyDate> findByCaseIdOrderById(Long caseId);

    Optional<KeyDate> findByCaseIdAndTravellerIdAndKind(Long caseId, Long travellerId, String kind);
}
