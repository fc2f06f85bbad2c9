package org.relocation.immigration;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface CounselNoteRepository extends JpaRepository<CounselNote, Long> {

    List<CounselNote> findByCaseIdOrderById(Long caseId);

    List<CounselNote> findByCaseIdAndTravellerIdAndKindOrderById(Long caseId, Long travellerId, CounselNote.Kind kind);
}
