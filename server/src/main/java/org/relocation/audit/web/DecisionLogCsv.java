package org.relocation.audit.web;

import org.relocation.audit.DecisionLogEntry;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The decision log as CSV (RFC 4180): a header row, one row per entry, CRLF line ends; a cell with a comma, quote,
 * CR or LF is quoted with inner quotes doubled. A cell beginning with {@code = + - @}, tab or CR gets a leading
 * {@code '} so that a spreadsheet shows it as text instead of running it as a formula (CSV injection).
 */
final class DecisionLogCsv {

    static final List<String> COLUMNS = List.of("case_number", "sequence", "occurred_at", "kind", "subject", "summary", "details",
            "actor", "previous_hash", "hash");

    private DecisionLogCsv() {
    }

    static String render(String caseNumber, List<DecisionLogEntry> entries) {
        StringBuilder out = new StringBuilder();
        row(out, COLUMNS);
        for (DecisionLogEntry e : entries) {
            row(out, List.of(caseNumber, String.valueOf(e.getSequence()), DateTimeFormatter.ISO_INSTANT.format(e.getOccurredAt()),
                    e.getKind().name(), e.getSubject(), e.getSummary(), e.getDetails(), e.getActor(),
                    e.getPreviousHash() == null ? "" : e.getPreviousHash(), e.getHash()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
