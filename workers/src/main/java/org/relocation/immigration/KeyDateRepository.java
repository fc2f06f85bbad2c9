package org.relocation.immigration;

import org.relocation.keydate.KeyDateRegistration;
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

    List<KeyDate> findByCaseIdAndKindOrderById(Long caseId, String kind);

    /** The first registered key date of that kind on the case (the employee's, usually); there may be one per traveller. */
    default Optional<KeyDate> findByCaseIdAndKind(Long caseId, String kind) {
        return findByCaseIdAndKindOrderById(caseId, kind).stream().findFirst();
    }
}
