package org.relocation.keydate;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface CalendarFeedTokenRepository extends JpaRepository<CalendarFeedToken, Long> {

    @Query("select t from CalendarFeedToken t where t.tokenHash = ?1")
    Optional<CalendarFeedToken> findByTokenHash(String tokenHash);

    @Query("select t from CalendarFeedToken t where t.userId = ?1 order by t.id")
    List<CalendarFeedToken> findByUserId(String userId);
}
