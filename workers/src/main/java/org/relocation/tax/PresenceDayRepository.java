package org.relocation.tax;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.LocalDate;
import java.util.List;

interface PresenceDayRepository extends Repository<PresenceDay, Long> {

    PresenceDay save(PresenceDay day);

    void flush();

    @Query("select d.presentOn from PresenceDay d where d.travellerId = ?1 and d.country = ?2 and d.presentOn between ?3 and ?4")
    List<LocalDate> daysOf(Long travellerId, String country, LocalDate from, LocalDate to);

    @Query("select count(d) from PresenceDay d where d.travellerId = ?1 and d.country = ?2 and d.presentOn between ?3 and ?4")
    long countDays(Long travellerId, String country, LocalDate from, LocalDate to);

    @Query("select d from PresenceDay d where d.caseId = ?1 and d.presentOn between ?2 and ?3 order by d.travellerId, d.country, d.presentOn")
    List<PresenceDay> ofCase(Long caseId, LocalDate from, LocalDate to);
}
