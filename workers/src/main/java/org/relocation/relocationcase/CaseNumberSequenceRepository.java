package org.relocation.relocationcase;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

interface CaseNumberSequenceRepository extends JpaRepository<CaseNumberSequence, Integer> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from CaseNumberSequence s where s.year = :year")
    Optional<CaseNumberSequence> lockYear(@Param("year") int year);
}
