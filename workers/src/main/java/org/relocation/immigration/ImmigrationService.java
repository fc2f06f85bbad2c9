package org.relocation.immigration;

import org.relocation.keydate.KeyDate;
import org.relocation.keydate.KeyDateRepository;
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
import java.util.Map;

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
     * kept in the case records) and its end date as a key date, and the host country's posting declaration: both
     * documents are accepted, reviewed by the specialist ({@code actor}) who recorded them.
     */
    @Transactional
    public void postingArranged(Long caseId, String a1Reference, LocalDate a1ValidUntil, String declarationReference, String actor) {
        RelocationCase c = cases.get(caseId);
        Long employee = c.employee().getId();
        recordFormality(caseId, employee, "a1-certificate", a1Reference, actor);
        recordFormality(caseId, employee, "posting-declaration", declarationReference, actor);
        if (a1ValidUntil != null) {
            upsertKeyDate(caseId, employee, "a1-certificate-end", a1ValidUntil, "A1 social-security certificate ends");
        }
    }

    private void recordFormality(Long caseId, Long travellerId, String type, String reference, String actor) {
        CaseDocument d = documents.findByTravellerIdAndDocumentType(travellerId, type)
                .orElseGet(() -> documents.save(new CaseDocument(caseId, travellerId, type, clock.instant())));
        String note = reference == null ? null : "Reference " + reference;
        d.review(CaseDocument.Status.VALIDATED, note == null ? null : note.substring(0, Math.min(note.length(), 500)), actor, clock.instant());
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

    /**
     * The employee confirmed in the Tasklist form that their documents are in, with their passport data. The
     * confirmation marks nothing PROVIDED: a document is PROVIDED only when its file arrives (an upload, or a paper
     * original the specialist registered). Refused while a requested document has no file, or its file was rejected
     * and no new one has arrived ({@link #documentsProvidedProblems}). Then an automatic check: a passport that expires
     * less than {@value #PASSPORT_MONTHS_BEYOND_END} months after the planned end sends the employee's passport copy back.
     * @throws DocumentsIncompleteException naming the field {@code documentsProvided} and the documents without a file
     */
    @Transactional
    public void documentsProvided(Long caseId, String passportNumber, LocalDate passportExpiry) {
        Map<String, String> problems = documentsProvidedProblems(caseId);
        if (!problems.isEmpty()) {
            throw new DocumentsIncompleteException(problems);
        }
        RelocationCase c = cases.get(caseId);
        c.employee().recordPassport(passportNumber, passportExpiry);
        LocalDate validUntilAtLeast = c.getEndDate() == null ? null : c.getEndDate().plusMonths(PASSPORT_MONTHS_BEYOND_END);
        boolean tooShort = passportExpiry != null && validUntilAtLeast != null && passportExpiry.isBefore(validUntilAtLeast);
        if (passportExpiry != null) {
            upsertKeyDate(caseId, c.employee().getId(), "passport-expiry", passportExpiry, "Employee passport expires");
        }
        if (tooShort) {
            // an automatic check: the employee's passport copy goes back with the reason, the specialist sees it when validating
            documents.findByTravellerIdAndDocumentType(c.employee().getId(), "passport-copy").ifPresent(d -> d.review(CaseDocument.Status.REJECTED,
                    "Automatic check: the passport must be valid until at least " + validUntilAtLeast + " (" + PASSPORT_MONTHS_BEYOND_END
                            + " months after the planned end); it expires earlier. Renew it before the application.", CaseDocument.SYSTEM,
                    clock.instant()));
        }
    }

    /**
     * The checklist documents that still need a file from the employee: requested and never provided, rejected (their
     * file was refused, a new one is needed), or marked provided without a file on record (before files were required).
     * In plain words, e.g. {@code passport copy of the employee}, {@code birth certificate of the child (rejected: a new file is
     * needed)}. Accepted (VALIDATED) documents are never listed.
     */
    @Transactional(readOnly = true)
    public List<String> documentsWithoutFile(Long caseId) {
        Map<Long, String> whose = travellerLabels(caseId);
        return documents.findByCaseIdOrderById(caseId).stream()
                .filter(ImmigrationService::needsFile)
                .map(d -> lowerFirst(label(d, whose)) + (d.getStatus() == CaseDocument.Status.REJECTED ? " (rejected: a new file is needed)" : ""))
                .toList();
    }

    /**
     * The employee's confirmation that the documents are in ({@code documentsProvided} of the form
     * {@code provide-immigration-documents}): field → problem while {@link #documentsWithoutFile} lists any; empty when
     * it may be accepted.
     */
    @Transactional(readOnly = true)
    public Map<String, String> documentsProvidedProblems(Long caseId) {
        List<String> missing = documentsWithoutFile(caseId);
        return missing.isEmpty() ? Map.of() : Map.of("documentsProvided", "Upload a file for every requested document first; still without one: "
                + String.join(", ", missing) + ".");
    }

    private static boolean needsFile(CaseDocument d) {
        return d.getStatus() == CaseDocument.Status.REQUESTED || d.getStatus() == CaseDocument.Status.REJECTED
                || d.getStatus() == CaseDocument.Status.PROVIDED && !d.hasFile();
    }

    /** "Passport copy of the employee", "Birth certificate of child 1": the labels a person reads. */
    private static String label(CaseDocument d, Map<Long, String> whose) {
        return DocumentLabels.type(d.getDocumentType()) + " of " + whose.getOrDefault(d.getTravellerId(), "a traveller");
    }

    /** Traveller id → "the employee", "the partner", "the child" (numbered when there are several children). */
    private Map<Long, String> travellerLabels(Long caseId) {
        return DocumentLabels.travellers(cases.get(caseId).getTravellers(), true);
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
        d.review(accept ? CaseDocument.Status.VALIDATED : CaseDocument.Status.REJECTED, reason, actor, clock.instant());
        cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, "document-reviewed",
                reviewStepName(label(d, travellerLabels(caseId)), accept), null, actor);
        return true;
    }

    /**
     * The specialist's "valid" ({@code documentsDecision} of the form {@code validate-immigration-documents}): field →
     * problem in one plain sentence while a document stands in the way (rejected, still requested, or marked provided
     * without a file on record; accepted documents and files awaiting review do not); empty when it may be accepted.
     */
    @Transactional(readOnly = true)
    public Map<String, String> documentsValidProblems(Long caseId) {
        Map<Long, String> whose = travellerLabels(caseId);
        List<String> open = documents.findByCaseIdOrderById(caseId).stream()
                .filter(ImmigrationService::needsFile)
                .map(d -> label(d, whose) + (d.getStatus() == CaseDocument.Status.REJECTED ? " was rejected" : " has no file"))
                .toList();
        if (open.isEmpty()) {
            return Map.of();
        }
        String all = open.size() == 1 ? open.get(0)
                : String.join(", ", open.subList(0, open.size() - 1)) + " and " + lowerFirst(open.get(open.size() - 1));
        return Map.of("documentsDecision", all + ": ask for " + (open.size() == 1 ? "it" : "them") + " again, or choose 'invalid'.");
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** One row of a case's document checklist as the specialist reviews it: labels a person reads, no personal data. */
    public record ChecklistItem(Long documentId, Long travellerId, String traveller, String travellerRole, String document,
                                CaseDocument.Status status, String note, java.time.Instant updatedAt, boolean hasFile,
                                String reviewedBy, java.time.Instant reviewedAt) {
    }

    /**
     * The document checklist per traveller (employee first, then partner and children), each document with its label
     * ("Passport copy"), the traveller's label ("Employee", "Child 1": the relationship, never a name), status and note.
     */
    @Transactional(readOnly = true)
    public List<ChecklistItem> checklist(Long caseId) {
        List<Traveller> travellers = cases.get(caseId).getTravellers();
        Map<Long, String> whose = DocumentLabels.travellers(travellers, false);
        Map<Long, String> role = DocumentLabels.travellers(travellers, true);
        Map<Long, Integer> order = new java.util.HashMap<>();
        travellers.stream().sorted(java.util.Comparator.comparing((Traveller t) -> t.getRelationship().ordinal()).thenComparing(Traveller::getId))
                .forEach(t -> order.put(t.getId(), order.size()));
        return documents.findByCaseIdOrderById(caseId).stream()
                .sorted(java.util.Comparator.comparing((CaseDocument d) -> order.getOrDefault(d.getTravellerId(), Integer.MAX_VALUE))
                        .thenComparing(CaseDocument::getId))
                .map(d -> new ChecklistItem(d.getId(), d.getTravellerId(), whose.getOrDefault(d.getTravellerId(), "Traveller"),
                        role.getOrDefault(d.getTravellerId(), "a traveller"), DocumentLabels.type(d.getDocumentType()), d.getStatus(),
                        d.getNote(), d.getUpdatedAt(), d.hasFile(), d.getReviewedBy(), d.getReviewedAt()))
                .toList();
    }

    /** The timeline name of a document's review: "Passport copy of the employee accepted" (who reviewed it is its actor). */
    public static String reviewStepName(String documentLabel, boolean accepted) {
        return documentLabel + (accepted ? " accepted" : " rejected");
    }

    /**
     * The specialist validated (or rejected) the provided documents: "valid" accepts every document with a file awaiting
     * review, "invalid" rejects them (with the comment) and asks the employee again; {@code actor} (who submitted the
     * form) is their reviewer.
     * @throws DocumentsIncompleteException naming {@code documentsDecision}, for "valid" while {@link #documentsValidProblems} has any
     */
    @Transactional
    public void documentsReviewed(Long caseId, boolean valid, String comment, String actor) {
        if (valid) {
            Map<String, String> problems = documentsValidProblems(caseId);
            if (!problems.isEmpty()) {
                throw new DocumentsIncompleteException(problems);
            }
        }
        CaseDocument.Status to = valid ? CaseDocument.Status.VALIDATED : CaseDocument.Status.REJECTED;
        documents.findByCaseIdOrderById(caseId).stream()
                .filter(d -> d.getStatus() == CaseDocument.Status.PROVIDED)
                .forEach(d -> d.review(to, comment == null ? null : comment.substring(0, Math.min(comment.length(), 500)), actor, clock.instant()));
    }

    /**
     * Records the right-to-work check against the employee traveller and what gives them the right to work, as the
     * case records know it now ({@link RightToWorkCheck.Basis}: the granted permit with its code and validity, or no
     * permit needed). It records what the specialist entered, valid or not: the arrival gate
     * ({@link #verifyRightToWork}) judges it. For time-limited permission its next check becomes the employee's
     * {@code right-to-work-recheck} key date (with reminders).
     */
    @Transactional
    public void recordRightToWork(Long caseId, String documentType, String documentReference, LocalDate checkedOn, String checkedBy,
                                  String method, LocalDate nextCheckOn) {
        Traveller employee = cases.get(caseId).employee();
        rightToWork.save(new RightToWorkCheck(caseId, employee.getId(), documentType, documentReference, checkedOn, checkedBy, method,
                nextCheckOn, RightToWorkRules.Permission.of(employee), clock.instant()));
        if (nextCheckOn != null) {
            upsertKeyDate(caseId, employee.getId(), "right-to-work-recheck", nextCheckOn,
                    "Repeat the right-to-work check (time-limited permission)");
        }
    }

    /**
     * What is wrong with a right-to-work check the specialist is about to record (the form {@code confirm-arrival}), by
     * its fields {@code rtwDocumentType}, {@code rtwCheckDate} and {@code rtwNextCheckDate}, against the employee's
     * permit and the case's work start date now; empty when the arrival gate would accept it. The same rules as
     * {@link #rightToWorkProblems(Long)}; no personal data in the problems.
     */
    @Transactional(readOnly = true)
    public Map<String, String> rightToWorkProblems(Long caseId, String documentType, LocalDate checkedOn, LocalDate nextCheckOn) {
        RelocationCase c = cases.get(caseId);
        return RightToWorkRules.byField(RightToWorkRules.problems(documentType, checkedOn, nextCheckOn,
                RightToWorkRules.Permission.of(c.employee()), c.getStartDate()));
    }

    /**
     * Why the case's right-to-work check does not let the employee start work, as sentences; empty when it does. The
     * latest check counts: there must be one, done on or before the work start date, against the employee's granted
     * permit as recorded with the check (or no permit needed), and neither the permit's validity nor the next check of
     * time-limited permission may end on or before the start date (the case's start date now: it may have moved).
     */
    @Transactional(readOnly = true)
    public List<String> rightToWorkProblems(Long caseId) {
        RelocationCase c = cases.get(caseId);
        List<RightToWorkCheck> checks = rightToWork.findByCaseIdOrderById(caseId);
        if (checks.isEmpty()) {
            return List.of("No right-to-work check is on record");
        }
        RightToWorkCheck latest = checks.get(checks.size() - 1);
        return RightToWorkRules.problems(latest.getDocumentType(), latest.getCheckedOn(), latest.getNextCheckOn(), latest.permission(),
                c.getStartDate()).stream().map(RightToWorkRules.Problem::sentence).toList();
    }

    /**
     * The arrival gate: judges the case's right-to-work check ({@link #rightToWorkProblems(Long)}) and writes the
     * outcome on the case's timeline ({@code right-to-work-verified}, or {@code right-to-work-refused} with the reasons,
     * so the specialist sees why the arrival came back).
     * @return the problems; empty when the employee may start work
     */
    @Transactional
    public List<String> verifyRightToWork(Long caseId) {
        List<String> problems = rightToWorkProblems(caseId);
        if (problems.isEmpty()) {
            cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, "right-to-work-verified", "Right to work verified before the work start date",
                    null, null);
        } else {
            cases.recordStep(caseId, TimelineEntry.Kind.STEP_COMPLETED, "right-to-work-refused",
                    "Right to work not verified: " + String.join(" ", problems.stream().map(p -> p.endsWith(".") ? p : p + ".").toList()), null, null);
        }
        return problems;
    }

    /** Whether any right-to-work check is on record, valid or not ({@link #rightToWorkProblems(Long)} judges it). */
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
