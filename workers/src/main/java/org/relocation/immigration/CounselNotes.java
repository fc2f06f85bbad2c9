package org.relocation.immigration;

import org.relocation.platform.form.FormSubmission;
import org.relocation.vendor.ServiceOrder;
import org.relocation.vendor.VendorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * The specialist's notes on counsel orders, one per submission of the counsel branch's forms (answer-counsel-request,
 * follow-up-counsel, handle-permit-refusal), tied to the traveller of the branch (its loop counter, a variable of the
 * task) and that traveller's current counsel order. The information provided on counsel's request is what
 * {@code send-counsel-information} sends to counsel.
 */
@Service
public class CounselNotes {

    private final CounselNoteRepository notes;
    private final ImmigrationService immigration;
    private final VendorService vendors;
    private final Clock clock;

    CounselNotes(CounselNoteRepository notes, ImmigrationService immigration, VendorService vendors, Clock clock) {
        this.notes = notes;
        this.immigration = immigration;
        this.vendors = vendors;
        this.clock = clock;
    }

    /** Records the submission's note for the traveller of its counsel branch. */
    @Transactional
    void record(FormSubmission s, CounselNote.Kind kind, CounselNote.RefusalAction action, String text) {
        Long branch = s.taskNumber(RequestImmigrationCounselWorker.LOOP_COUNTER);
        if (branch == null) {
            throw new IllegalStateException("Task " + s.taskId() + " of form " + s.formId() + " belongs to no counsel branch");
        }
        Long traveller = immigration.travellerNeedingPermit(s.caseId(), branch.intValue());
        Long order = vendors.latestCounselOrder(s.caseId(), traveller).map(ServiceOrder::getId).orElse(null);
        notes.save(new CounselNote(s.caseId(), order, traveller, kind, action, text, s.actor() == null ? "unknown" : s.actor(), clock.instant()));
    }

    /**
     * Tells counsel that the information it asked for the traveller is available, with the specialist's latest
     * summary of it, and marks that note sent.
     * @throws IllegalStateException when no answer to counsel's request is recorded for the traveller
     */
    @Transactional
    public void sendInformation(Long caseId, Long travellerId) {
        CounselNote latest = notes.findByCaseIdAndTravellerIdAndKindOrderById(caseId, travellerId, CounselNote.Kind.INFORMATION_PROVIDED)
                .stream().reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("No answer to counsel's request is recorded for traveller " + travellerId
                        + " of case " + caseId));
        if (vendors.informationProvided(caseId, travellerId, latest.getText())) {
            latest.sent(clock.instant());
        }
    }

    /** The case's counsel notes, oldest first. */
    @Transactional(readOnly = true)
    public List<CounselNote> ofCase(Long caseId) {
        return notes.findByCaseIdOrderById(caseId);
    }
}
