package org.relocation.document;

import org.relocation.immigration.CaseDocument;
import org.relocation.immigration.ImmigrationService;
import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStaff;
import org.relocation.relocationcase.TaskSubmissions;
import org.relocation.relocationcase.TimelineEntry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Form validate-immigration-documents: the specialist's review of the provided documents. They cannot be declared valid
 * while one is rejected or has no file (one sentence naming each: "Passport copy of the employee was rejected: ask
 * for it again, or choose 'invalid'."). The form shows the checklist per traveller as a table ({@code documents}): the
 * traveller's label ("Employee", "Child 1", never a name), the document, its status (with the reason of a
 * rejection), the file's version and who reviewed it when; built from the case records each time the form opens,
 * never stored.
 */
@Component
class DocumentReviewForm implements TaskFormHandler {

    static final String FORM = "validate-immigration-documents";
    /** The context name the form's table reads ({@code =documents}); reserved: no form field may use it. */
    static final String DOCUMENTS = "documents";
    /** A review's timeline step or the form's submission belongs to a document's status when this close to it. */
    private static final Duration SAME_REVIEW = Duration.ofMinutes(1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
    private static final Map<CaseDocument.Status, String> STATUS = Map.of(CaseDocument.Status.REQUESTED, "requested",
            CaseDocument.Status.PROVIDED, "provided, to review", CaseDocument.Status.VALIDATED, "accepted",
            CaseDocument.Status.REJECTED, "rejected");

    private final ImmigrationService immigration;
    private final CaseService cases;
    private final TaskSubmissions submissions;
    private final ObjectProvider<DocumentService> files;
    private final ObjectProvider<CaseStaff> staff;

    DocumentReviewForm(ImmigrationService immigration, CaseService cases, TaskSubmissions submissions,
                       ObjectProvider<DocumentService> files, ObjectProvider<CaseStaff> staff) {
        this.immigration = immigration;
        this.cases = cases;
        this.submissions = submissions;
        this.files = files;
        this.staff = staff;
    }

    @Override
    public String formId() {
        return FORM;
    }

    @Override
    public Set<String> fields() {
        return Set.of("documentsDecision", "validationComment");
    }

    @Override
    public Map<String, String> problems(FormSubmission s) {
        return "valid".equals(s.string("documentsDecision")) ? immigration.documentsValidProblems(s.caseId()) : Map.of();
    }

    @Override
    public void record(FormSubmission s) {
        immigration.documentsReviewed(s.caseId(), "valid".equals(s.string("documentsDecision")), s.string("validationComment"));
    }

    /** The checklist as table rows: {@code traveller, document, status, file, reviewed}, all plain text. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> context(FormContext context) {
        Long caseId = context.caseId();
        DocumentService documents = files.getIfAvailable();
        Map<Long, FileSummary> current = documents == null ? Map.of() : documents.currentFiles(caseId);
        List<TimelineEntry> reviews = cases.timeline(caseId).stream().filter(e -> "document-reviewed".equals(e.getElementId())).toList();
        Optional<TaskSubmissions.Submitted> formReview = submissions.latest(caseId, FORM, Map.of());
        List<Map<String, String>> rows = new ArrayList<>();
        for (ImmigrationService.ChecklistItem d : immigration.checklist(caseId)) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("traveller", d.traveller());
            row.put("document", d.document());
            row.put("status", STATUS.getOrDefault(d.status(), d.status().name().toLowerCase(Locale.ROOT))
                    + (d.status() == CaseDocument.Status.REJECTED && d.note() != null ? ": " + d.note() : ""));
            FileSummary file = current.get(d.documentId());
            row.put("file", file != null ? "version " + file.version() + ", " + WHEN.format(file.uploadedAt())
                    : d.hasFile() ? "on record" : "no file yet");
            row.put("reviewed", reviewed(d, reviews, formReview));
            rows.add(row);
        }
        return Map.of(DOCUMENTS, rows);
    }

    /**
     * When an accepted or rejected document was reviewed and by whom: the automatic passport check, the specialist's
     * review of the one document (its timeline step), or the decision of this form for every document awaiting review
     * (its submission); "not yet" while it awaits one.
     */
    private String reviewed(ImmigrationService.ChecklistItem d, List<TimelineEntry> reviews, Optional<TaskSubmissions.Submitted> formReview) {
        if (d.status() != CaseDocument.Status.VALIDATED && d.status() != CaseDocument.Status.REJECTED) {
            return "not yet";
        }
        String when = d.updatedAt() == null ? "" : WHEN.format(d.updatedAt());
        if (d.note() != null && d.note().startsWith("Automatic check")) {
            return when + " by the automatic check";
        }
        String step = ImmigrationService.reviewStepName(d.document() + " of " + d.travellerRole(), d.status() == CaseDocument.Status.VALIDATED);
        Optional<String> by = reviews.stream().filter(e -> step.equals(e.getElementName()) && close(e.getOccurredAt(), d.updatedAt()))
                .reduce((first, second) -> second).map(TimelineEntry::getActor)
                .or(() -> formReview.filter(s -> close(s.submittedAt(), d.updatedAt())).map(TaskSubmissions.Submitted::submittedBy));
        return by.map(user -> when + " by " + name(user)).orElse(when);
    }

    private static boolean close(Instant a, Instant b) {
        return a != null && b != null && Duration.between(a, b).abs().compareTo(SAME_REVIEW) <= 0;
    }

    private String name(String userId) {
        CaseStaff directory = staff.getIfAvailable();
        return directory == null ? userId : directory.displayName(userId).orElse(userId);
    }
}
