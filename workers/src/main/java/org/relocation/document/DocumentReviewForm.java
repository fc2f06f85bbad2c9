package org.relocation.document;

import org.relocation.immigration.CaseDocument;
import org.relocation.immigration.ImmigrationService;
import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormSubmission;
import org.relocation.platform.form.TaskFormHandler;
import org.relocation.relocationcase.CaseStaff;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
    private static final Map<CaseDocument.Status, String> STATUS = Map.of(CaseDocument.Status.REQUESTED, "requested",
            CaseDocument.Status.PROVIDED, "provided, to review", CaseDocument.Status.VALIDATED, "accepted",
            CaseDocument.Status.REJECTED, "rejected");

    private final ImmigrationService immigration;
    private final ObjectProvider<DocumentService> files;
    private final ObjectProvider<CaseStaff> staff;

    DocumentReviewForm(ImmigrationService immigration, ObjectProvider<DocumentService> files, ObjectProvider<CaseStaff> staff) {
        this.immigration = immigration;
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
        immigration.documentsReviewed(s.caseId(), "valid".equals(s.string("documentsDecision")), s.string("validationComment"), s.actor());
    }

    /** The checklist as table rows: {@code traveller, document, status, file, reviewed}, all plain text. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> context(FormContext context) {
        Long caseId = context.caseId();
        DocumentService documents = files.getIfAvailable();
        Map<Long, FileSummary> current = documents == null ? Map.of() : documents.currentFiles(caseId);
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
            row.put("reviewed", reviewed(d));
            rows.add(row);
        }
        return Map.of(DOCUMENTS, rows);
    }

    /**
     * When an accepted or rejected document was reviewed and by whom, as recorded with the review ({@code reviewed_by},
     * {@code reviewed_at}): "6 Dec 2026, 14:03 UTC by Sam Specialist", "... by the automatic check"; just the date for a
     * review recorded before the reviewer was; "not yet" while it awaits one.
     */
    private String reviewed(ImmigrationService.ChecklistItem d) {
        if (d.status() != CaseDocument.Status.VALIDATED && d.status() != CaseDocument.Status.REJECTED) {
            return "not yet";
        }
        Instant at = d.reviewedAt() != null ? d.reviewedAt() : d.updatedAt();
        String when = at == null ? "" : WHEN.format(at);
        if (d.reviewedBy() == null) {
            return when;
        }
        return when + (CaseDocument.SYSTEM.equals(d.reviewedBy()) ? " by the automatic check" : " by " + name(d.reviewedBy()));
    }

    private String name(String userId) {
        CaseStaff directory = staff.getIfAvailable();
        return directory == null ? userId : directory.displayName(userId).orElse(userId);
    }
}
