package org.relocation.relocationcase;

/**
 * Filters of the case list, each null when not asked for: status, an open phase, host country, an exact case number,
 * {@code q} a prefix of the case number or the host city (no wildcards: the caller checks it), and {@code mine} the
 * login whose cases to list (specialist, line manager or the one who opened the case).
 */
public record CaseSearch(CaseStatus status, String phase, String hostCountry, String caseNumber, String q, String mine) {
}
