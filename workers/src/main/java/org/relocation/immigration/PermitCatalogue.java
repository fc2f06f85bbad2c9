package org.relocation.immigration;

import org.relocation.immigration.PermitRequirement.Category;
import org.relocation.relocationcase.AssignmentType;
import org.relocation.relocationcase.Relationship;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The curated immigration reference data: for each host country, the permits (or exemptions) a traveller needs
 * by nationality, relationship to the employee, assignment type and duration. Process owners maintain it as a
 * CSV file without Java changes; by default the one shipped in relocation-processes
 * ({@value #DEFAULT_LOCATION}), another one with the property {@value #LOCATION_PROPERTY} (any Spring resource
 * location, e.g. {@code file:/etc/relocation/immigration-permits.csv}). The file's header comment documents the
 * columns.
 * <p>
 * <b>Loading</b> is strict: an unknown, missing or duplicate column, a malformed line, an unknown country code,
 * relationship, assignment type or category, {@code min_months > max_months}, a missing source or last-reviewed
 * date, a duplicate permit code and similar mistakes make the constructor throw an {@link IllegalStateException}
 * that lists every problem with its line and column, so a bad file stops the application from starting instead of
 * giving wrong advice.
 * <p>
 * <b>Lookup</b> ({@link #requirementFor}) decides deterministically, in this order:
 * <ol>
 *   <li>a citizen of the host country needs nothing (basis {@value PermitRequirement#BASIS_HOST_CITIZEN});</li>
 *   <li>exemption first: the first {@code NONE} row in file order that matches host, relationship, assignment
 *       type, duration and the traveller's nationality (e.g. {@code EEA_CH} free movement, the Common Travel Area)
 *       means nothing is needed;</li>
 *   <li>if the caller names the employee's nationality, a partner or child who is not exempt themselves while the
 *       employee is (host citizen or exempt) is referred to counsel (basis
 *       {@value PermitRequirement#BASIS_DEPENDANT_OF_EXEMPT_EMPLOYEE}): the catalogue's dependant permits all
 *       presuppose an employee who holds a host-country permit;</li>
 *   <li>otherwise the first other row in file order that matches wins, like a DMN table with hit policy FIRST:
 *       the most specific rows must come first (e.g. the 1-3 month row above the 4-36 month one). Later matching
 *       rows of the same category are reported as {@link PermitRequirement#alternatives()};</li>
 *   <li>no matching row (or a host country the catalogue does not cover) means
 *       {@link Category#REFER_TO_COUNSEL} with basis {@value PermitRequirement#BASIS_NOT_CATALOGUED}.</li>
 * </ol>
 * A row matches a duration when {@code min_months <= durationMonths <= max_months} (empty max: no upper limit);
 * durations are whole months rounded up, as {@code RelocationCase.durationMonths()} computes them.
 * <p>
 * Assignment types are the {@link AssignmentType} names.
 */
@Component
public class PermitCatalogue {

    public static final String LOCATION_PROPERTY = "relocation.immigration.permit-catalogue";
    public static final String DEFAULT_LOCATION = "classpath:processes/reference/immigration-permits.csv";

    /** The CSV columns; the header must name each exactly once, in any order. */
    public static final List<String> COLUMNS = List.of(
            "host_country", "permit_code", "permit_name", "category", "relationships", "assignment_types",
            "min_months", "max_months", "nationalities", "processing_days_min", "processing_days_max", "documents",
            "dependants_allowed", "source", "last_reviewed", "notes");

    /** Symbolic nationality groups usable in the nationalities column. */
    public static final Map<String, Set<String>> NATIONALITY_GROUPS = Map.of("EEA_CH", FreeMovement.MEMBERS);

    private static final String ALL = "*";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ASSIGNMENT_TYPES;
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_REPORTED_PROBLEMS = 30;

    static {
        Set<String> types = new LinkedHashSet<>();
        Arrays.stream(AssignmentType.values()).map(Enum::name).forEach(types::add);
        ASSIGNMENT_TYPES = Collections.unmodifiableSet(types);
    }

    private final String name;
    private final List<Entry> entries;

    /**
     * Loads and validates the catalogue.
     * @throws IllegalStateException when the resource is missing, unreadable or invalid
     */
    public PermitCatalogue(@Value("${" + LOCATION_PROPERTY + ":" + DEFAULT_LOCATION + "}") Resource resource) {
        this.name = resource.getDescription();
        this.entries = List.copyOf(new Parser(name, read(resource)).parse());
    }

    /** One row of the catalogue, validated. */
    public record Entry(
            int line,
            String hostCountry,
            String permitCode,
            String permitName,
            Category category,
            Set<Relationship> relationships,
            Set<String> assignmentTypes,
            int minMonths,
            Integer maxMonths,
            Set<String> nationalities,
            Integer processingDaysMin,
            Integer processingDaysMax,
            List<String> documents,
            Boolean dependantsAllowed,
            String source,
            LocalDate lastReviewed,
            String notes) {

        /** Whether the row covers this host, relationship, assignment type and duration (nationality aside). */
        public boolean covers(String host, Relationship relationship, String assignmentType, int durationMonths) {
            return hostCountry.equals(host)
                    && relationships.contains(relationship)
                    && assignmentTypes.contains(assignmentType)
                    && durationMonths >= minMonths
                    && (maxMonths == null || durationMonths <= maxMonths);
        }

        /** Whether the row applies to travellers of this nationality ({@code *}, the code itself or a group holding it). */
        public boolean appliesToNationality(String nationality) {
            if (nationalities.contains(ALL) || nationalities.contains(nationality)) {
                return true;
            }
            return nationalities.stream()
                    .map(NATIONALITY_GROUPS::get)
                    .anyMatch(group -> group != null && group.contains(nationality));
        }
    }

    /** All rows in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Host countries with at least one row. */
    public Set<String> hostCountries() {
        Set<String> hosts = new TreeSet<>();
        entries.forEach(e -> hosts.add(e.hostCountry()));
        return Collections.unmodifiableSet(hosts);
    }

    /** Assignment types the catalogue understands: the {@link AssignmentType} names. */
    public static Set<String> assignmentTypes() {
        return ASSIGNMENT_TYPES;
    }

    /** Where the catalogue was loaded from. */
    public String name() {
        return name;
    }

    /** See {@link #requirementFor(String, String, String, int, Relationship, String)}, without the employee's nationality. */
    public PermitRequirement requirementFor(String nationality, String hostCountry, AssignmentType assignmentType,
                                            int durationMonths, Relationship relationship) {
        if (assignmentType == null) {
            throw new IllegalArgumentException("assignmentType is required");
        }
        return requirementFor(nationality, hostCountry, assignmentType.name(), durationMonths, relationship, null);
    }

    /** See {@link #requirementFor(String, String, String, int, Relationship, String)}, without the employee's nationality. */
    public PermitRequirement requirementFor(String nationality, String hostCountry, String assignmentType,
                                            int durationMonths, Relationship relationship) {
        return requirementFor(nationality, hostCountry, assignmentType, durationMonths, relationship, null);
    }

    /**
     * The requirement of one traveller; see the class comment for the precedence.
     *
     * @param nationality         the traveller's nationality, ISO 3166-1 alpha-2 (upper case)
     * @param hostCountry         the host country, ISO 3166-1 alpha-2 (upper case)
     * @param assignmentType      an {@link AssignmentType} name or {@value #EXTENDED_BUSINESS_TRAVEL}
     * @param durationMonths      assignment duration in whole months, rounded up, at least 1
     * @param relationship        the traveller's relationship to the employee
     * @param employeeNationality for partners and children: the employee's nationality, or null if not considered
     * @throws IllegalArgumentException naming the parameter when an argument is missing or unknown
     */
    public PermitRequirement requirementFor(String nationality, String hostCountry, String assignmentType,
                                            int durationMonths, Relationship relationship, String employeeNationality) {
        requireCountry("nationality", nationality);
        requireCountry("hostCountry", hostCountry);
        if (assignmentType == null || !ASSIGNMENT_TYPES.contains(assignmentType)) {
            throw new IllegalArgumentException("assignmentType must be one of " + ASSIGNMENT_TYPES
                    + ", was " + quote(assignmentType));
        }
        if (durationMonths < 1) {
            throw new IllegalArgumentException("durationMonths must be at least 1, was " + durationMonths);
        }
        if (relationship == null) {
            throw new IllegalArgumentException("relationship is required");
        }
        if (employeeNationality != null) {
            requireCountry("employeeNationality", employeeNationality);
        }

        if (nationality.equals(hostCountry)) {
            return builtIn(relationship, hostCountry, Category.NONE, PermitRequirement.NONE, "Citizen of the host country",
                    PermitRequirement.BASIS_HOST_CITIZEN, 0, "Citizens need no permit in their own country.");
        }
        if (!hostCountries().contains(hostCountry) && !FreeMovement.permitRequired(nationality, hostCountry)) {
            return builtIn(relationship, hostCountry, Category.NONE, PermitRequirement.NONE, "Free movement (EU/EEA/Swiss citizens)",
                    PermitRequirement.BASIS_FREE_MOVEMENT, 0, "The host is not catalogued, but EU/EEA/Swiss citizens move and work"
                            + " freely among the EU/EEA countries and Switzerland.");
        }
        List<Entry> candidates = entries.stream()
                .filter(e -> e.covers(hostCountry, relationship, assignmentType, durationMonths))
                .toList();

        Entry exemption = firstExemption(candidates, nationality);
        if (exemption != null) {
            return fromEntry(exemption, relationship, List.of());
        }
        if (relationship != Relationship.EMPLOYEE && employeeNationality != null
                && employeeExempt(employeeNationality, hostCountry, assignmentType, durationMonths)) {
            return builtIn(relationship, hostCountry, Category.REFER_TO_COUNSEL, PermitRequirement.REFER_TO_COUNSEL,
                    "Family member of an employee who needs no permit", PermitRequirement.BASIS_DEPENDANT_OF_EXEMPT_EMPLOYEE,
                    null, "The employee (" + employeeNationality + ") needs no permit in " + hostCountry
                            + ", but this traveller (" + nationality + ") does. The catalogue's dependant permits presuppose"
                            + " an employee holding a host-country permit; family of free-movement or host-country citizens"
                            + " follow other rules.");
        }
        for (int i = 0; i < candidates.size(); i++) {
            Entry entry = candidates.get(i);
            if (entry.category() != Category.NONE && entry.appliesToNationality(nationality)) {
                List<String> alternatives = entry.category() == Category.REFER_TO_COUNSEL ? List.of()
                        : candidates.subList(i + 1, candidates.size()).stream()
                                .filter(e -> e.category() == entry.category() && e.appliesToNationality(nationality))
                                .map(Entry::permitCode)
                                .toList();
                return fromEntry(entry, relationship, alternatives);
            }
        }
        String why = hostCountries().contains(hostCountry)
                ? "No catalogue row for a " + relationship + " of nationality " + nationality + " on a " + assignmentType
                        + " assignment of " + durationMonths + " month(s) in " + hostCountry + "."
                : "The catalogue has no rows for host country " + hostCountry + ".";
        return builtIn(relationship, hostCountry, Category.REFER_TO_COUNSEL, PermitRequirement.REFER_TO_COUNSEL,
                "Not catalogued", PermitRequirement.BASIS_NOT_CATALOGUED, null, why);
    }

    private boolean employeeExempt(String employeeNationality, String host, String assignmentType, int months) {
        if (employeeNationality.equals(host)) {
            return true;
        }
        List<Entry> employeeRows = entries.stream()
                .filter(e -> e.covers(host, Relationship.EMPLOYEE, assignmentType, months))
                .toList();
        return firstExemption(employeeRows, employeeNationality) != null;
    }

    private static Entry firstExemption(List<Entry> candidates, String nationality) {
        return candidates.stream()
                .filter(e -> e.category() == Category.NONE && e.appliesToNationality(nationality))
                .findFirst()
                .orElse(null);
    }

    private static PermitRequirement fromEntry(Entry e, Relationship relationship, List<String> alternatives) {
        String code = switch (e.category()) {
            case NONE -> PermitRequirement.NONE;
            case REFER_TO_COUNSEL -> PermitRequirement.REFER_TO_COUNSEL;
            default -> e.permitCode();
        };
        return new PermitRequirement(relationship, e.hostCountry(), e.category(), code, e.permitName(), e.permitCode(),
                e.processingDaysMin(), e.processingDaysMax(), e.documents(), e.dependantsAllowed(), e.source(),
                e.lastReviewed(), e.notes(), alternatives);
    }

    private static PermitRequirement builtIn(Relationship relationship, String host, Category category, String code,
                                             String name, String basis, Integer days, String notes) {
        return new PermitRequirement(relationship, host, category, code, name, basis, days, days, List.of(), null,
                null, null, notes, List.of());
    }

    private static void requireCountry(String field, String code) {
        if (code == null || !COUNTRIES.contains(code)) {
            throw new IllegalArgumentException(field + " must be an ISO 3166-1 alpha-2 country code such as DE, was "
                    + quote(code));
        }
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    private static String read(Resource resource) {
        if (!resource.exists()) {
            throw new IllegalStateException("Permit catalogue not found: " + resource.getDescription()
                    + ". Put relocation-processes on the class path or set " + LOCATION_PROPERTY
                    + " to the catalogue's location");
        }
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read permit catalogue " + resource.getDescription(), e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(resource.getDescription() + ": the permit catalogue must be UTF-8 encoded", e);
        }
    }

    /** Parses and validates the CSV, collecting every problem before failing. */
    private static final class Parser {

        private final String name;
        private final String text;
        private final List<String> problems = new ArrayList<>();
        private List<String> header;

        Parser(String name, String text) {
            this.name = name;
            this.text = text;
        }

        List<Entry> parse() {
            List<Entry> result = new ArrayList<>();
            Map<String, Integer> codeLines = new HashMap<>();
            String[] lines = text.split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int lineNo = i + 1;
                String line = lines[i];
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                List<String> fields;
                try {
                    fields = split(line);
                } catch (IllegalArgumentException e) {
                    problem(lineNo, null, e.getMessage());
                    continue;
                }
                if (header == null) {
                    if (!readHeader(lineNo, fields)) {
                        break; // rows cannot be read without a valid header
                    }
                    continue;
                }
                if (fields.size() != header.size()) {
                    problem(lineNo, null, "has " + fields.size() + " fields, the header has " + header.size()
                            + " (quote fields that contain commas)");
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), fields.get(c));
                }
                Entry entry = entry(lineNo, row);
                if (entry != null) {
                    Integer earlier = codeLines.putIfAbsent(entry.permitCode(), lineNo);
                    if (earlier != null) {
                        problem(lineNo, "permit_code", "'" + entry.permitCode() + "' is already used on line " + earlier);
                    } else {
                        result.add(entry);
                    }
                }
            }
            if (header == null && problems.isEmpty()) {
                problems.add("no header row");
            } else if (header != null && result.isEmpty() && problems.isEmpty()) {
                problems.add("no data rows");
            }
            if (!problems.isEmpty()) {
                List<String> shown = problems.size() > MAX_REPORTED_PROBLEMS
                        ? new ArrayList<>(problems.subList(0, MAX_REPORTED_PROBLEMS)) : problems;
                if (shown != problems) {
                    shown.add("... and " + (problems.size() - MAX_REPORTED_PROBLEMS) + " more");
                }
                throw new IllegalStateException(name + ": invalid permit catalogue, " + problems.size()
                        + " problem(s):\n  " + String.join("\n  ", shown));
            }
            return result;
        }

        private boolean readHeader(int lineNo, List<String> fields) {
            boolean ok = true;
            Set<String> seen = new LinkedHashSet<>();
            for (String column : fields) {
                if (!COLUMNS.contains(column)) {
                    problem(lineNo, null, "unknown column '" + column + "' (expected " + String.join(",", COLUMNS) + ")");
                    ok = false;
                } else if (!seen.add(column)) {
                    problem(lineNo, null, "duplicate column '" + column + "'");
                    ok = false;
                }
            }
            for (String column : COLUMNS) {
                if (!fields.contains(column)) {
                    problem(lineNo, null, "missing column '" + column + "'");
                    ok = false;
                }
            }
            if (ok) {
                header = List.copyOf(fields);
            }
            return ok;
        }

        private Entry entry(int line, Map<String, String> row) {
            int before = problems.size();

            String host = row.get("host_country");
            if (!COUNTRIES.contains(host)) {
                problem(line, "host_country", countryProblem(host));
            }
            String code = row.get("permit_code");
            if (!KEBAB.matcher(code).matches()) {
                problem(line, "permit_code", "'" + code + "' must be kebab-case (lower-case letters, digits, single hyphens)");
            } else if (COUNTRIES.contains(host) && !code.startsWith(host.toLowerCase(Locale.ROOT) + "-")) {
                problem(line, "permit_code", "'" + code + "' must start with '" + host.toLowerCase(Locale.ROOT) + "-'");
            }
            String permitName = row.get("permit_name");
            if (permitName.isEmpty()) {
                problem(line, "permit_name", "is required");
            }
            Category category = null;
            try {
                category = Category.valueOf(row.get("category"));
            } catch (IllegalArgumentException e) {
                problem(line, "category", "'" + row.get("category") + "' must be one of " + Arrays.toString(Category.values()));
            }

            Set<Relationship> relationships = EnumSet.noneOf(Relationship.class);
            for (String token : list(line, "relationships", row.get("relationships"), true)) {
                try {
                    relationships.add(Relationship.valueOf(token));
                } catch (IllegalArgumentException e) {
                    problem(line, "relationships", "'" + token + "' must be one of " + Arrays.toString(Relationship.values()));
                }
            }
            Set<String> assignmentTypes = new LinkedHashSet<>();
            String typesValue = row.get("assignment_types");
            if (ALL.equals(typesValue)) {
                assignmentTypes.addAll(ASSIGNMENT_TYPES);
            } else {
                for (String token : list(line, "assignment_types", typesValue, true)) {
                    if (ASSIGNMENT_TYPES.contains(token)) {
                        assignmentTypes.add(token);
                    } else {
                        problem(line, "assignment_types", "'" + token + "' must be * or one of " + ASSIGNMENT_TYPES);
                    }
                }
            }

            Integer minMonths = integer(line, "min_months", row.get("min_months"), 1, true);
            Integer maxMonths = integer(line, "max_months", row.get("max_months"), 1, false);
            if (minMonths != null && maxMonths != null && minMonths > maxMonths) {
                problem(line, "max_months", maxMonths + " is less than min_months " + minMonths);
            }

            Set<String> nationalities = new LinkedHashSet<>();
            String nationalitiesValue = row.get("nationalities");
            if (ALL.equals(nationalitiesValue)) {
                nationalities.add(ALL);
                if (category == Category.NONE) {
                    problem(line, "nationalities", "a NONE (exemption) row must list nationalities; * would exempt everyone");
                }
            } else {
                for (String token : list(line, "nationalities", nationalitiesValue, true)) {
                    if (COUNTRIES.contains(token) || NATIONALITY_GROUPS.containsKey(token)) {
                        nationalities.add(token);
                    } else {
                        problem(line, "nationalities", "'" + token + "' is neither an ISO 3166-1 alpha-2 country code nor one of the groups "
                                + NATIONALITY_GROUPS.keySet());
                    }
                }
            }

            boolean referral = category == Category.REFER_TO_COUNSEL;
            Integer daysMin = integer(line, "processing_days_min", row.get("processing_days_min"), 0, !referral);
            Integer daysMax = integer(line, "processing_days_max", row.get("processing_days_max"), 0, !referral);
            if ((daysMin == null) != (daysMax == null) && referral) {
                problem(line, "processing_days_max", "give both processing_days_min and processing_days_max or neither");
            }
            if (daysMin != null && daysMax != null && daysMin > daysMax) {
                problem(line, "processing_days_max", daysMax + " is less than processing_days_min " + daysMin);
            }

            boolean documentsRequired = category != null && category != Category.NONE && !referral;
            List<String> documents = new ArrayList<>();
            for (String token : list(line, "documents", row.get("documents"), documentsRequired)) {
                if (KEBAB.matcher(token).matches()) {
                    documents.add(token);
                } else {
                    problem(line, "documents", "'" + token + "' must be a kebab-case document type such as passport-copy");
                }
            }

            Boolean dependantsAllowed = null;
            String dependantsValue = row.get("dependants_allowed");
            if (category == Category.WORK_PERMIT) {
                if ("true".equals(dependantsValue) || "false".equals(dependantsValue)) {
                    dependantsAllowed = Boolean.valueOf(dependantsValue);
                } else {
                    problem(line, "dependants_allowed", "must be true or false for a WORK_PERMIT row, was '" + dependantsValue + "'");
                }
            } else if (!dependantsValue.isEmpty()) {
                problem(line, "dependants_allowed", "must be empty unless the category is WORK_PERMIT");
            }
            if (category == Category.WORK_PERMIT && !relationships.equals(EnumSet.of(Relationship.EMPLOYEE))) {
                problem(line, "relationships", "a WORK_PERMIT row applies to EMPLOYEE only");
            }
            if (category == Category.DEPENDANT_PERMIT && relationships.contains(Relationship.EMPLOYEE)) {
                problem(line, "relationships", "a DEPENDANT_PERMIT row cannot apply to EMPLOYEE");
            }

            String source = row.get("source");
            if (source.isEmpty()) {
                problem(line, "source", "is required (official https URL of the programme)");
            } else if (!isHttpsUrl(source)) {
                problem(line, "source", "'" + source + "' must be an https URL");
            }
            LocalDate lastReviewed = null;
            String reviewedValue = row.get("last_reviewed");
            if (reviewedValue.isEmpty()) {
                problem(line, "last_reviewed", "is required (yyyy-mm-dd)");
            } else {
                try {
                    lastReviewed = LocalDate.parse(reviewedValue);
                } catch (DateTimeParseException e) {
                    problem(line, "last_reviewed", "'" + reviewedValue + "' must be a date yyyy-mm-dd");
                }
            }

            if (problems.size() > before) {
                return null;
            }
            return new Entry(line, host, code, permitName, category, Collections.unmodifiableSet(relationships),
                    Collections.unmodifiableSet(assignmentTypes), minMonths, maxMonths,
                    Collections.unmodifiableSet(nationalities), daysMin, daysMax, List.copyOf(documents),
                    dependantsAllowed, source, lastReviewed, row.get("notes"));
        }

        private List<String> list(int line, String column, String value, boolean required) {
            if (value.isEmpty()) {
                if (required) {
                    problem(line, column, "is required");
                }
                return List.of();
            }
            List<String> tokens = new ArrayList<>();
            for (String token : value.split(";", -1)) {
                String t = token.strip();
                if (t.isEmpty()) {
                    problem(line, column, "has an empty entry in '" + value + "'");
                } else if (tokens.contains(t)) {
                    problem(line, column, "lists '" + t + "' twice");
                } else {
                    tokens.add(t);
                }
            }
            return tokens;
        }

        private Integer integer(int line, String column, String value, int min, boolean required) {
            if (value.isEmpty()) {
                if (required) {
                    problem(line, column, "is required");
                }
                return null;
            }
            try {
                int n = Integer.parseInt(value);
                if (n < min) {
                    problem(line, column, "must be at least " + min + ", was " + n);
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                problem(line, column, "'" + value + "' is not a whole number");
                return null;
            }
        }

        private static String countryProblem(String code) {
            return code.isEmpty() ? "is required"
                    : "'" + code + "' is not an ISO 3166-1 alpha-2 country code (upper case, e.g. DE)";
        }

        private static boolean isHttpsUrl(String value) {
            try {
                URI uri = new URI(value);
                return "https".equals(uri.getScheme()) && uri.getHost() != null;
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }

        private void problem(int line, String column, String message) {
            problems.add("line " + line + (column == null ? "" : ", column " + column) + ": " + message);
        }

        /** Splits one CSV line (RFC 4180 quoting; a quoted field cannot span lines). Unquoted fields are trimmed. */
        static List<String> split(String line) {
            List<String> fields = new ArrayList<>();
            int n = line.length();
            int i = 0;
            while (true) {
                if (i < n && line.charAt(i) == '"') {
                    StringBuilder field = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new IllegalArgumentException("unterminated quoted field (a field cannot span lines)");
                        }
                        char c = line.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && line.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                            } else {
                                i++;
                                break;
                            }
                        } else {
                            field.append(c);
                            i++;
                        }
                    }
                    fields.add(field.toString());
                    if (i == n) {
                        return fields;
                    }
                    if (line.charAt(i) != ',') {
                        throw new IllegalArgumentException("unexpected character after a closing quote at position " + (i + 1));
                    }
                    i++;
                } else {
                    int comma = line.indexOf(',', i);
                    String field = comma < 0 ? line.substring(i) : line.substring(i, comma);
                    if (field.indexOf('"') >= 0) {
                        throw new IllegalArgumentException("quote inside an unquoted field; quote the whole field");
                    }
                    fields.add(field.strip());
                    if (comma < 0) {
                        return fields;
                    }
                    i = comma + 1;
                }
                if (i == n) {
                    fields.add("");
                    return fields;
                }
            }
        }
    }
}
