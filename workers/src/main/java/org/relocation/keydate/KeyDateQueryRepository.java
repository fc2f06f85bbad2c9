package org.relocation.keydate;

import org.relocation.relocationcase.CaseScope;
import org.relocation.relocationcase.CaseStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.Collection;

/** Key dates across cases: the upcoming-dates list and the specialists' calendar feed. */
interface KeyDateQueryRepository extends Repository<KeyDate, Long> {

    String FILTER = """
            from KeyDate k join RelocationCase c on c.id = k.caseId left join Traveller t on t.id = k.travellerId
            where k.dueDate >= :from and k.dueDate <= :to
              and c.status in :statuses
              and (:country is null or c.hostCountry = :country)
              and (:kind is null or k.kind = :kind)
              and k.kind not in :withheldKinds
              and (:actor is null or c.id in (select e.caseId from TimelineEntry e where e.actor = :actor))
              and """ + CaseScope.CONDITION + "\n";

    @Query(value = "select new org.relocation.keydate.UpcomingKeyDate(k.id, c.id, c.caseNumber, c.status, c.hostCountry, t.id,"
            + " t.relationship, k.kind, k.dueDate, k.note, k.processInstanceId) " + FILTER + " order by k.dueDate, k.id",
            countQuery = "select count(k) " + FILTER)
    Page<UpcomingKeyDate> search(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                 @Param("statuses") Collection<CaseStatus> statuses, @Param("country") String country,
                                 @Param("kind") String kind, @Param("withheldKinds") Collection<String> withheldKinds,
                                 @Param("actor") String actor, @Param("scopeAll") boolean all,
                                 @Param("scopeEmployee") String employeeUserId, @Param("scopeActor") String scopeActor,
                                 @Param("scopeCaseNumbers") Collection<String> caseNumbers,
                                 @Param("scopeCostCentres") Collection<String> costCentres, Pageable pageable);
}
