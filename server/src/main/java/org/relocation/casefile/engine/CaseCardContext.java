package org.relocation.casefile.engine;

import org.relocation.platform.form.FormContext;
import org.relocation.platform.form.FormContextProvider;
import org.relocation.relocationcase.CasePhase;
import org.relocation.relocationcase.CaseService;
import org.relocation.relocationcase.CaseStaff;
import org.relocation.relocationcase.RelocationCase;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The case card every task form shows first ({@code caseCard}): number, route, type, dates, status, phase, the
 * specialist and line manager, and the link to the case page. Only the case field group, which every role that may
 * work on a task of the case may read; no employee name (the card is on the employee's own tasks too, and names are
 * personal data).
 */
@Component
class CaseCardContext implements FormContextProvider {

    /** The context name the forms read ({@code {{caseCard.number}}}); reserved: no form field may use it. */
    static final String NAME = "caseCard";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final Map<String, String> TYPES = Map.of("SHORT_TERM", "Short-term assignment", "LONG_TERM", "Long-term assignment",
            "PERMANENT_TRANSFER", "Permanent transfer", "LOCAL_HIRE", "Local hire");

    private final CaseService cases;
    private final CaseStaff staff;

    CaseCardContext(CaseService cases, CaseStaff staff) {
        this.cases = cases;
        this.staff = staff;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> context(FormContext context) {
        RelocationCase c = cases.get(context.caseId());
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("number", c.getCaseNumber());
        card.put("route", route(c));
        card.put("assignmentType", TYPES.getOrDefault(c.getAssignmentType().name(), c.getAssignmentType().name()));
        card.put("startDate", date(c.getStartDate()));
        card.put("endDate", c.getEndDate() == null ? "open-ended" : date(c.getEndDate()));
        card.put("status", c.getStatus().name().replace('_', ' ').toLowerCase(Locale.ROOT));
        card.put("phase", cases.phases(c.getId()).stream().filter(CasePhase::isOpen).map(CasePhase::getPhase).distinct()
                .collect(Collectors.joining(", ")));
        card.put("specialist", person(c.getSpecialistUserId()));
        card.put("lineManager", person(c.getLineManagerUserId()));
        card.put("workspaceUrl", "/cases/#" + c.getCaseNumber());
        return Map.of(NAME, card);
    }

    /** {@code GB → DE Berlin}: home country to host country and city (never the nationality). */
    static String route(RelocationCase c) {
        return c.getHomeCountry() + " → " + c.getHostCountry() + (c.getHostCity() == null ? "" : " " + c.getHostCity());
    }

    private static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    private String person(String userId) {
        return userId == null ? "not assigned" : staff.displayName(userId).orElse(userId);
    }
}
