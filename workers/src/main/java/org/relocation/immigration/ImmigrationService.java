package org.relocation.immigration;

import org.relocation.relocationcase.AssignmentType;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.RelocationCase;
import org.relocation.relocationcase.Relationship;
import org.relocation.relocationcase.Traveller;
import org.relocation.relocationcase.TimelineEntry;
import org.relocation.relocationcase.TravellerPermit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Permits, document checklists, right-to-work records and key dates of a case. */
@Service
public class ImmigrationService {

    /** Many countries require a passport valid this many months beyond the planned stay. */
    static final int PASSPORT_MONTHS_BEYOND_END = 6;

    /** What counsel needs to advise when the catalogue has no documents for the case (referrals). */
    static final List<String> COUNSEL_DOCUMENTS = List.of("passport-copy", "assignment-letter");

    private final CaseService cases;
    private final CaseDocumentRepository documents;
    private final KeyDateRepository keyDates;
    private final RightToWorkCheckRepository rightToWork;
    private final PermitCatalogue permits;
    private final Clock clock;

    ImmigrationService(CaseService cases, CaseDocumentRepository documents, KeyDateRepository keyDates,
                       RightToWorkCheckRepository rightToWork, PermitCatalogue permits, Clock clock) {
        this.cases = cases;
        this.documents = documents;
        this.keyDates = keyDates;
        this.rightToWork = rightToWork;
        this.permits = permits;
        this.clock = clock;
    }

    /**
     * Decides per traveller which permit is needed for the host country, from the {@link PermitCatalogue}
     * (nationality, host country, assignment type, duration, relationship; partners and children also by the
     * employee's nationality), records it on the traveller and builds the document checklist of those who
     * need one. Idempotent: a repeated call re-decides and leaves one checklist entry per document.
     * @return how many travellers need a permit, a visa or counsel's advice (the immigration process runs one
     * counsel branch for each, in the order of {@link #travellersNeedingPermit})
     */
    @Transactional
    public int determineRequirements(Long caseId) {
        RelocationCase c = cases.get(caseId);
        int months = c.durationMonths();
        String employeeNationality = c.employee().getNationality();
        int needing = 0;
        for (Traveller t : c.getTravellers()) {
            PermitRequirement r = permits.requirementFor(t.getNationality(), c.getHostCountry(), c.getAssignmentType().name(), months,
                    t.getRelationship(), t.getRelationship() == Relationship.EMPLOYEE ? null : employeeNationality);
            t.decidePermit(new TravellerPermit(r.permitCode(), r.category().name(), r.permitName(), r.basis(),
                    r.processingDaysMin(), r.processingDaysMax(), r.source(), r.lastReviewed(), clock.instant()));
            if (r.category() == PermitRequirement.Category.NONE) {
                continue;
            }
            needing++;
            List<String> checklist = r.documents().isEmpty() ? COUNSEL_DOCUMENTS : r.documents();
            for (String type : checklist) {
                if (documents.findByTravellerIdAndDocumentType(t.getId(), type).isEmpty()) {
                    documents.save(new CaseDocument(caseId, t.getId(), type, clock.instant()));
                }
            }
        }
        return needing;
    }

    /** The longest posting an A1 certificate covers (Regulation (EC) No 883/2004, Art. 12). */
    static final int A1_MAX_MONTHS = 24;

    /**
     * Whether the employee is a posted worker: sent from one EU/EEA country or Switzerland to another on a
     * short- or long-term assignment of up to 24 months, staying on the home country's social security. Then the
     * home institution's A1 certificate and the host country's prior posting declaration are required, and the
     * declaration is due before the start date (a key date). Longer postings need an Art. 16 exception agreement:
     * counsel's and the specialist's call, not decided here.
     */
    @Transactional
    public boolean determinePostedWorker(Long caseId) {
        RelocationCase c = cases.get(caseId);
        boolean posted = !c.getHomeCountry().equals(c.getHostCountry())
                && FreeMovement.MEMBERS.contains(c.getHomeCountry()) && FreeMovement.MEMBERS.contains(c.getHostCountry())
                && (c.getAssignmentType() == AssignmentType.SHORT_TERM || c.getAssignmentType() == AssignmentType.LONG_TERM)
                && c.durationMonths() <= A1_MAX_MONTHS;
        if (posted && c.getStartDate() != null) {
            upsertKeyDate(caseId, c.employee().getId(), "posting-declaration-due", c.getStartDate(),
                    "Posted-worker declaration to the host country due before work starts");
        }
        return posted;
    }

    /**
     * The specialist arranged a posted worker's formalities: the A1 certificate (its reference is personal data,
     * kept in the case records) and its end date as a key date, and the host country's posting declaration.
     */
    @Transactional
    public void postingArranged(Long caseId, String a1Reference, LocalDate a1ValidUntil, String declarationReference) {
        RelocationCase c = cases.get(caseId);
        Long employee = c.employee().getId();
        recordFormality(caseId, employee, "a1-certificate", a1Reference);
        recordFormality(caseId, employee, "posting-declaration", declarationReference);
        if (a1ValidUntil != null) {
            upsertKeyDate(caseId, employee, "a1-certificate-end", a1ValidUntil, "A1 social-security certificate ends");
        }
    }

    private void recordFormality(Long caseId, Long travellerId, String type, String reference) {
        CaseDocument d = documents.findByTravellerIdAndDocumentType(travellerId, type)
                .orElseGet(() -> documents.save(new CaseDocument(caseId, travellerId, type, clock.instant())));
        String note = reference == null ? null : "Reference " + reference;
        d.mark(CaseDocument.Status.VALIDATED, note == null ? null : note.substring(0, Math.min(note.length(), 500)), clock.instant());
    }

    /**
     * The travellers who need a permit, visa or counsel's advice, by id: the counsel branch with loop
     * counter {@code i} of the immigration process works on element {@code i}.
     */
    @Transactional(readOnly = true)
    public List<Long> travellersNeedingPermit(Long caseId) {
        return cases.get(caseId).getTravellers().stream()
                .filter(t -> Boolean.TRUE.equals(t.getPermitRequired()))
                .map(Traveller::getId)
                .sorted()
                .toList();
    }

    /** The traveller of a counsel branch: element {@code index} of {@link #travellersNeedingPermit}. */
    @Transactional(readOnly = true)
    public Long travellerNeedingPermit(Long caseId, int index) {
        List<Long> ids = travellersNeedingPermit(caseId);
        if (index < 0 || index >= ids.size()) {
            throw new IllegalStateException("Case " + caseId + " has " + ids.size() + " travellers needing a permit, no branch " + index);
        }
        return ids.get(index);
    }

    /**
     * What counsel is asked for a traveller: the catalogue's permit and the traveller's relationship and
     * nationality (names and passport data go to counsel over its own secure channel, not in the order).
     */
    @Transactional(readOnly = true)
    public String counselBrief(Long caseId, Long travellerId) {
        Traveller t = cases.get(caseId).getTravellers().stream().filter(x -> x.getId().equals(travellerId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no traveller " + travellerId));
        TravellerPermit p = t.getPermit();
        String brief = "Permit for the " + t.getRelationship().name().toLowerCase() + " (" + t.getNationality() + "): "
                + (p == null ? "to be advised" : p.code() + " " + p.name());
        return brief.length() > 200 ? brief.substring(0, 200) : brief;
    }

    /** The counsel branch of a traveller, or -1 if the traveller needs no permit. */
    @Transactional(readOnly = true)
    public int counselBranchOf(Long caseId, Long travellerId) {
        return travellersNeedingPermit(caseId).indexOf(travellerId);
    }

    /** The employee provided passport data and documents through the Tasklist form. */
    @Transactional
    public void documentsProvided(Long caseId, String passportNumber, LocalDate passportExpiry) {
        RelocationCase c = cases.get(caseId);
        c.employee().recordPassport(passportNumber, passportExpiry);
        LocalDate validUntilAtLeast = c.getEndDate() == null ? null : c.getEndDate().plusMonths(PASSPORT_MONTHS_BEYOND_END);
        boolean tooShort = passportExpiry != null && validUntilAtLeast != null && passportExpiry.isBefore(validUntilAtLeast);
        if (passportExpiry != null) {
            upsertKeyDate(caseId, c.employee().getId(), "passport-expiry", passportExpiry, "Employee passport expires");
        }
        documents.findByCaseIdOrderById(caseId).stream()
                .filter(d -> d.getStatus() == CaseDocument.Status.REQUESTED || d.getStatus() == CaseDocument.Status.REJECTED)
                .forEach(d -> d.mark(CaseDocument.Status.PROVIDED, null, clock.instant()));
        if (tooShort) {
            // an automatic check: the employee's passport copy goes back with the reason, the specialist sees it when validating
            documents.findByTravellerIdAndDocumentType(c.employee().getId(), "passport-copy").ifPresent(d -> d.mark(CaseDocument.Status.REJECTED,
                    "Automatic check: the passport must be valid until at least " + validUntilAtLeast + " (" + PASSPORT_MONTHS_BEYOND_END
                            + " months after the planned end); it expires earlier. Renew it before the application.", clock.instant()));
        }
    }

    /**
     * The specialist's review of one document: accepted (VALIDATED) or rejected with the reason (REJECTED: the
     * employee is asked for it again when the validation task goes back to them).
     * @return false if the case has no such document
     * @throws IllegalArgumentException naming the field, for a rejection without a reason or a reason over 500 characters
     * @throws IllegalStateException if nothing has been provided for the document yet
     */
    @Transactional
    public boolean reviewDocument(Long caseId, Long documentId, boolean accept, String reason, String actor) {
        CaseDocument d = documents.findById(documentId).filter(x -> x.getCaseId().equals(caseId)).orElse(null);
        if (d == null) {
            return false;
        }
        if (!accept && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("reason");
        }
        if (reason != null && reason.length() > 500) {
            throw new IllegalArgumentException("reason");
        }
        if (d.getStatus() == CaseDocument.Status.REQUESTED) {
            throw new IllegalStateException("Document " + documentId + " has not been provided yet");
        }
        d.mark(accept ? CaseDocument.Status.VALIDATED : CaseDocument.Status.REJECTED, reason, clock.instant());
        cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, "document-reviewed",
                d.getDocumentType() + (accept ? " accepted" : " rejected"), null, actor);
        return true;
    }

    /** Document types of the case that are rejected or still missing: the documents cannot be declared valid with them. */
    @Transactional(readOnly = true)
    public List<String> documentsNotAcceptable(Long caseId) {
        return documents.findByCaseIdOrderById(caseId).stream()
                .filter(d -> d.getStatus() == CaseDocument.Status.REJECTED || d.getStatus() == CaseDocument.Status.REQUESTED)
                .map(CaseDocument::getDocumentType)
                .distinct()
                .toList();
    }

    /** The specialist validated (or rejected) the provided documents. */
    @Transactional
    public void documentsReviewed(Long caseId, boolean valid, String comment) {
        CaseDocument.Status to = valid ? CaseDocument.Status.VALIDATED : CaseDocument.Status.REJECTED;
        documents.findByCaseIdOrderById(caseId).stream()
                .filter(d -> d.getStatus() == CaseDocument.Status.PROVIDED)
                .forEach(d -> d.mark(to, comment == null ? null : comment.substring(0, Math.min(comment.length(), 500)), clock.instant()));
    }

    /**
     * Records the right-to-work check; for time-limited permission its next check becomes the employee's
     * {@code right-to-work-recheck} key date (with reminders).
     */
    @Transactional
    public void recordRightToWork(Long caseId, String documentType, String documentReference, LocalDate checkedOn, String checkedBy,
                                  String method, LocalDate nextCheckOn) {
        rightToWork.save(new RightToWorkCheck(caseId, documentType, documentReference, checkedOn, checkedBy, method, nextCheckOn, clock.instant()));
        if (nextCheckOn != null) {
            upsertKeyDate(caseId, cases.get(caseId).employee().getId(), "right-to-work-recheck", nextCheckOn,
                    "Repeat the right-to-work check (time-limited permission)");
        }
    }

    @Transactional(readOnly = true)
    public boolean hasRightToWork(Long caseId) {
        return rightToWork.existsByCaseId(caseId);
    }

    /**
     * Counsel reported a traveller's permit granted: its number and validity are recorded on the traveller and
     * its expiry becomes the traveller's key date (with a renewal lead time).
     */
    @Transactional
    public void permitGranted(Long caseId, Long travellerId, String permitNumber, LocalDate validFrom, LocalDate validUntil) {
        RelocationCase c = cases.get(caseId);
        Traveller t = c.getTravellers().stream().filter(x -> x.getId().equals(travellerId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no traveller " + travellerId));
        t.permitGranted(permitNumber, validFrom, validUntil);
        if (validUntil != null) {
            upsertKeyDate(caseId, travellerId, "permit-expiry", validUntil, "Permit expires");
        }
    }

    private void upsertKeyDate(Long caseId, Long travellerId, String kind, LocalDate due, String note) {
        keyDates.register(caseId, travellerId, kind, due, note); // per traveller; plans the reminders (org.relocation.keydate)
    }

    @Transactional(readOnly = true)
    public List<CaseDocument> documents(Long caseId) {
        return documents.findByCaseIdOrderById(caseId);
    }

    @Transactional(readOnly = true)
    public List<KeyDate> keyDates(Long caseId) {
        return keyDates.findByCaseIdOrderByDueDate(caseId);
    }

    @Transactional(readOnly = true)
    public List<RightToWorkCheck> rightToWorkChecks(Long caseId) {
        return rightToWork.findByCaseIdOrderById(caseId);
    }
}
