package org.relocation.immigration;

import org.relocation.relocationcase.Traveller;
import org.relocation.relocationcase.TravellerPermit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a right-to-work check lets the employee start work: the check is done on or before the work start date, it
 * rests on what gives the employee the right to work (their granted permit, or no permit needed), and that permission
 * does not end on or before the start date (the permit's validity, the next check of time-limited permission).
 * Pure rules: {@link ImmigrationService} feeds them the case's records. Problems name the confirm-arrival form's fields
 * and never carry personal data (no document or permit numbers).
 */
final class RightToWorkRules {

    /** Documents that show a permit: time-limited permission, repeated at the next check date. */
    static final Set<String> PERMIT_DOCUMENTS = Set.of("passport-with-visa", "residence-permit", "work-permit");

    static final String DOCUMENT_FIELD = "rtwDocumentType";
    static final String CHECK_DATE_FIELD = "rtwCheckDate";
    static final String NEXT_CHECK_FIELD = "rtwNextCheckDate";

    private static final Map<String, String> LABELS = Map.of(
            DOCUMENT_FIELD, "The right-to-work document", CHECK_DATE_FIELD, "The check date", NEXT_CHECK_FIELD, "The next check date");

    private RightToWorkRules() {
    }

    /**
     * What gives the employee the right to work, as the case records know it: the basis, the permit catalogue's code
     * of their permit (or exemption), and a granted permit's validity.
     */
    record Permission(RightToWorkCheck.Basis basis, String permitCode, LocalDate validFrom, LocalDate validUntil) {

        static Permission of(Traveller employee) {
            TravellerPermit permit = employee.getPermit();
            if (permit == null || employee.getPermitRequired() == null) {
                return new Permission(RightToWorkCheck.Basis.UNDECIDED, null, null, null);
            }
            if (!employee.getPermitRequired()) {
                return new Permission(RightToWorkCheck.Basis.NO_PERMIT_NEEDED, permit.code(), null, null);
            }
            boolean granted = employee.getPermitNumber() != null || employee.getPermitValidUntil() != null;
            return new Permission(granted ? RightToWorkCheck.Basis.GRANTED_PERMIT : RightToWorkCheck.Basis.PERMIT_NOT_GRANTED,
                    permit.code(), employee.getPermitValidFrom(), employee.getPermitValidUntil());
        }
    }

    /** One problem of a check: the confirm-arrival field it concerns and what is wrong, phrased to follow the field's name. */
    record Problem(String field, String text) {
        /** E.g. "The check date must be on or before the work start date 2027-03-01: ...". */
        String sentence() {
            return LABELS.get(field) + " " + text;
        }
    }

    /** A check's problems, in field order; empty when it is valid. */
    static List<Problem> problems(String documentType, LocalDate checkedOn, LocalDate nextCheckOn, Permission permission,
                                  LocalDate workStart) {
        List<Problem> problems = new ArrayList<>();
        switch (permission.basis()) {
            case UNDECIDED -> add(problems, DOCUMENT_FIELD,
                    "cannot be checked yet: the employee's permit requirement has not been decided (the immigration phase decides it)");
            case PERMIT_NOT_GRANTED -> add(problems, DOCUMENT_FIELD, "cannot show a right to work: the employee needs a permit ("
                    + permission.permitCode() + ") and none has been reported granted");
            case GRANTED_PERMIT -> {
                if (documentType != null && !PERMIT_DOCUMENTS.contains(documentType)) {
                    add(problems, DOCUMENT_FIELD, "must show the employee's granted permit (" + permission.permitCode()
                            + "): a passport with visa, a residence permit or a work permit, not " + documentType);
                }
                if (workStart != null && permission.validFrom() != null && permission.validFrom().isAfter(workStart)) {
                    add(problems, DOCUMENT_FIELD, "shows a permit valid only from " + permission.validFrom()
                            + ", after the work start date " + workStart);
                }
                if (workStart != null && permission.validUntil() != null && !permission.validUntil().isAfter(workStart)) {
                    add(problems, DOCUMENT_FIELD, "shows a permit that ends on " + permission.validUntil()
                            + ", not after the work start date " + workStart);
                }
            }
            case NO_PERMIT_NEEDED -> {
                // citizen of the host country, free movement or an exemption: any of the form's documents may prove it
            }
        }
        if (checkedOn == null) {
            add(problems, CHECK_DATE_FIELD, "is required");
        } else if (workStart != null && checkedOn.isAfter(workStart)) {
            add(problems, CHECK_DATE_FIELD, "must be on or before the work start date " + workStart
                    + ": the right to work is checked before work starts");
        }
        if (nextCheckOn == null && documentType != null && PERMIT_DOCUMENTS.contains(documentType)) {
            add(problems, NEXT_CHECK_FIELD, "is required for time-limited permission (" + documentType + ")");
        } else if (nextCheckOn != null && workStart != null && !nextCheckOn.isAfter(workStart)) {
            add(problems, NEXT_CHECK_FIELD, "must be after the work start date " + workStart
                    + ": the permission would end before work starts");
        }
        return problems;
    }

    /** The problems by form field; two of one field are joined with "; ". */
    static Map<String, String> byField(List<Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach(p -> out.merge(p.field(), p.text(), (a, b) -> a + "; " + b));
        return out;
    }

    private static void add(List<Problem> problems, String field, String text) {
        problems.add(new Problem(field, text));
    }
}
