package org.relocation.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives N relocation cases through the whole journey over HTTP: opens them with POST /api/cases, lets a
 * simulated team (specialist, manager, finance, HR admin, HR lead, director and the employees, one or more threads each)
 * complete their user tasks through /engine-rest while the server's own job workers complete the external
 * tasks, waits until every case is COMPLETED, and prints completed cases/s, task completions/s (user and
 * external together), the latency of user task completions (p50, p99) and the server's peak RSS.
 *
 * <pre>
 * java -jar bench/target/relocation-bench-0.1.0-SNAPSHOT.jar --url http://127.0.0.1:8080 --cases 200 \
 *      --team-threads 10 --rate 0 --server-pid 12345
 * </pre>
 * See docs/benchmarks.md and bench/run.sh (starts and stops a server for you).
 */
public final class JourneyBenchmark {

    private static final List<String> OTHER_FINAL = List.of("REJECTED", "INELIGIBLE", "CANCELLED");

    /** A role of the simulated team: the login, the candidate group it works from (null: tasks assigned to it). */
    record Role(String user, String group) {
    }

    static final class Options {
        String url = "http://localhost:8080";
        int cases = 50;
        int teamThreads = 10;
        double rate = 0;
        long serverPid = -1;
        String password = "demo";
        String opener = "specialist";
        long pollMillis = 1000;
        int maxResults = 50;
        int creators = 2;
        long timeoutSeconds = 1800;
        int warmup = 0;
        long redeliverAfterSeconds = 20;
        Map<String, String> vendorSecrets = new LinkedHashMap<>(Map.of(
                "immigration-counsel", "demo-counsel-secret", "housing", "demo-housing-secret", "moving", "demo-moving-secret"));

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    usage(0);
                }
                String name = a;
                String value;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    System.err.println("Missing value for " + a);
                    usage(2);
                    return o;
                }
                switch (name) {
                    case "--url" -> o.url = value;
                    case "--cases" -> o.cases = Integer.parseInt(value);
                    case "--team-threads" -> o.teamThreads = Integer.parseInt(value);
                    case "--rate" -> o.rate = Double.parseDouble(value);
                    case "--server-pid" -> o.serverPid = Long.parseLong(value);
                    case "--password" -> o.password = value;
                    case "--opener" -> o.opener = value;
                    case "--poll-ms" -> o.pollMillis = Long.parseLong(value);
                    case "--max-results" -> o.maxResults = Integer.parseInt(value);
                    case "--creators" -> o.creators = Integer.parseInt(value);
                    case "--timeout" -> o.timeoutSeconds = Long.parseLong(value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--redeliver-after" -> o.redeliverAfterSeconds = Long.parseLong(value);
                    case "--vendor-secret" -> {
                        String[] kv = value.split("=", 2);
                        o.vendorSecrets.put(kv[0], kv[1]);
                    }
                    default -> {
                        System.err.println("Unknown option " + name);
                        usage(2);
                    }
                }
            }
            if (o.cases < 1 || o.warmup < 0 || o.teamThreads < ROLES.size() || o.rate < 0 || o.creators < 1 || o.maxResults < 1) {
                System.err.println("Need --cases >= 1, --team-threads >= " + ROLES.size() + ", --rate >= 0, --creators >= 1");
                usage(2);
            }
            return o;
        }

        static void usage(int exit) {
            System.err.println("""
                    Usage: java -jar relocation-bench.jar [options]
                      --url URL            server base URL (default http://localhost:8080)
                      --cases N            cases to drive through the whole journey (default 50)
                      --team-threads T     simulated team threads, at least one per role (default 10; 8 roles:
                                           specialist, manager, finance, hradmin, hrlead, director, employee,
                                           employee2; extra threads go to the roles with the most tasks per thread)
                      --rate R             target task completions/s, user and external together; 0 = as fast
                                           as possible (default 0). User completions are paced at R times the
                                           user share of the case mix, and cases arrive at R / tasks per case
                      --server-pid PID     read the server's peak RSS (VmHWM) and CPU time from /proc/PID
                      --password P         password of the demo users (default demo)
                      --poll-ms MS         pause of a team thread that found no task for it (default 1000)
                      --max-results M      tasks fetched per task query (default 50)
                      --creators C         threads opening cases when --rate is 0 (default 2)
                      --timeout S          give up after S seconds (default 1800)
                      --warmup W           first drive W cases to completion unmeasured (JIT warm-up; default 0)
                      --redeliver-after S  act as a vendor's webhook retry for answers the demo simulator lost:
                                           resend the signed answer to a process that has waited S seconds for
                                           it (default 20; 0 = off). Redeliveries are counted and reported
                      --vendor-secret V=S  HMAC secret of vendor V for redeliveries (defaults: the demo secrets)""");
            System.exit(exit);
        }
    }

    static final List<Role> ROLES = List.of(
            new Role("specialist", "mobility-specialist"),
            new Role("manager", null), // the line manager of every bench case: the approvals are assigned to them
            new Role("finance", "finance"),
            new Role("hradmin", "hr-admin"),
            new Role("hrlead", "hr-lead"),
            new Role("director", "senior-manager"),
            new Role("employee", null),
            new Role("employee2", null));

    /** Service tasks of the journey's processes (all external tasks), for the breakdown of external completions. */
    static final List<String> SERVICE_TASKS = List.of(
            "apply-relocation-policy", "estimate-relocation-cost", "route-approval", "update-estimate", "record-approval",
            "remind-approve-relocation", "escalate-approve-relocation", "remind-approve-policy-exception", "escalate-approve-policy-exception",
            "remind-approve-budget", "escalate-approve-budget", "remind-approve-transfer", "escalate-approve-transfer",
            "determine-immigration-requirements", "request-immigration-counsel", "send-counsel-information", "alert-start-date-risk",
            "move-start-date", "book-temporary-housing", "book-household-shipment", "prepare-payroll-instruction", "schedule-payroll-payments",
            "request-tax-briefing", "order-tax-briefing", "order-tax-returns",
            "determine-benefits-coverage", "order-benefits-enrolment", "record-benefits-confirmation",
            "decide-destination-services", "order-destination-service", "check-lease-rent", "settle-lease-exception", "verify-right-to-work", "register-key-dates", "summarise-final-costs", "close-case",
            "plan-key-date", "send-key-date-reminder", "plan-next-reminder", "check-vendor-slas",
            "record-ineligible-outcome", "record-rejected-outcome", "record-cancelled-outcome");

    private JourneyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        EngineClient client = new EngineClient(o.url, o.password);
        if (o.warmup > 0) {
            System.out.printf("Warm-up: %d cases, not measured%n", o.warmup);
            new Run(o, client, o.warmup, true).execute();
            System.out.println();
        }
        System.exit(new Run(o, client, o.cases, false).execute());
    }

    /** Expected tasks per role over the first n cases: how the extra team threads are spread. */
    static Map<String, Double> expectedLoad(int n) {
        Map<String, Double> load = new LinkedHashMap<>();
        ROLES.forEach(r -> load.put(r.user(), 0.0));
        for (int i = 0; i < n; i++) {
            CaseMix.Template t = CaseMix.template(i);
            String employee = CaseMix.employeeOf(i);
            // review, kickoff, arrival, closure (+ validation, + A1 / posting declaration)
            load.merge("specialist", 4.0 + (t.visa() ? 1 : 0) + (t.postedWorker() ? 1 : 0), Double::sum);
            load.merge("manager", 1.0, Double::sum);
            load.merge("finance", 1.0 + (t.finance() ? 1 : 0), Double::sum); // payroll setup (+ budget approval)
            load.merge("hradmin", t.noHostCoverage() ? 1.0 : 0.0, Double::sum);
            load.merge("hrlead", t.policyException() ? 1.0 : 0.0, Double::sum); // one task per exception
            load.merge("director", t.secondLevel() ? 1.0 : 0.0, Double::sum);
            load.merge(employee, 1.0 + (t.visa() ? 1 : 0), Double::sum); // benefits enrolment (+ documents)
        }
        return load;
    }

    static Map<String, Integer> threadsPerRole(int total, int cases) {
        Map<String, Double> load = expectedLoad(cases);
        Map<String, Integer> threads = new LinkedHashMap<>();
        ROLES.forEach(r -> threads.put(r.user(), 1));
        for (int extra = ROLES.size(); extra < total; extra++) {
            String busiest = null;
            double most = -1;
            for (Role r : ROLES) {
                double perThread = load.get(r.user()) / threads.get(r.user());
                if (perThread > most) {
                    most = perThread;
                    busiest = r.user();
                }
            }
            threads.merge(busiest, 1, Integer::sum);
        }
        return threads;
    }

    private static final class Run {
        private final Options o;
        private final EngineClient client;
        private final int cases;
        private final boolean warmup;
        private final TeamMember.Stats stats = new TeamMember.Stats();
        private final Latencies creations = new Latencies();
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicInteger created = new AtomicInteger();
        private final java.util.Queue<Long> caseIds = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final AtomicLong creationErrors = new AtomicLong();
        private final AtomicLong creationRetries = new AtomicLong();
        private final AtomicLong exceptionsAsked = new AtomicLong();
        private final AtomicLong exceptionErrors = new AtomicLong();
        private CallbackRedelivery redelivery;
        private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

        Run(Options o, EngineClient client, int cases, boolean warmup) {
            this.o = o;
            this.client = client;
            this.cases = cases;
            this.warmup = warmup;
        }

        int execute() throws Exception {
            long[] expected = CaseMix.expectedTasks(cases);
            double perCase = (double) (expected[0] + expected[1]) / cases;
            double userShare = (double) expected[0] / (expected[0] + expected[1]);
            Pacer userPacer = new Pacer(o.rate * userShare);
            Pacer casePacer = new Pacer(o.rate / perCase);

            long completedBefore = count("COMPLETED");
            Map<String, Long> otherBefore = new LinkedHashMap<>();
            for (String s : OTHER_FINAL) {
                otherBefore.put(s, count(s));
            }
            Map<String, Integer> threads = threadsPerRole(o.teamThreads, cases);
            System.out.printf(Locale.ROOT, (warmup ? "Warm-up" : "Relocation journey benchmark") + ": %d cases against %s (run %s)%n", cases, client.baseUrl(), runId);
            System.out.printf(Locale.ROOT, "  case mix          %d templates; expected %d user + %d external task completions (%.1f per case)%n",
                    CaseMix.TEMPLATES.size(), expected[0], expected[1], perCase);
            System.out.printf(Locale.ROOT, "  team              %d threads: %s%n", o.teamThreads, threads);
            System.out.printf(Locale.ROOT, "  target rate       %s%n", o.rate > 0
                    ? String.format(Locale.ROOT, "%.1f task completions/s (user completions paced at %.2f/s, cases opened at %.3f/s)",
                    o.rate, o.rate * userShare, o.rate / perCase)
                    : "as fast as possible");
            if (completedBefore > 0) {
                System.out.printf("  note              %d cases were already COMPLETED before the run; only new ones count%n", completedBefore);
            }

            long cpuTicksBefore = serverCpuTicks();
            Instant startedAt = Instant.now();
            long t0 = System.nanoTime();

            List<Thread> team = new ArrayList<>();
            for (Role role : ROLES) {
                int k = threads.get(role.user());
                for (int p = 0; p < k; p++) {
                    Thread t = new Thread(new TeamMember(role.user(), role.group(), p, k, o.maxResults, client, userPacer, stats, done,
                            o.pollMillis), "team-" + role.user() + "-" + p);
                    t.setDaemon(true);
                    team.add(t);
                    t.start();
                }
            }
            if (o.redeliverAfterSeconds > 0) {
                redelivery = new CallbackRedelivery(client, o.opener, o.vendorSecrets, java.time.Duration.ofSeconds(o.redeliverAfterSeconds), done);
                Thread t = new Thread(redelivery, "callback-redelivery");
                t.setDaemon(true);
                t.start();
            }
            List<Thread> openers = new ArrayList<>();
            int creatorThreads = casePacer.paced() ? 1 : o.creators;
            AtomicInteger nextCase = new AtomicInteger();
            for (int c = 0; c < creatorThreads; c++) {
                Thread t = new Thread(() -> openCases(nextCase, casePacer), "opener-" + c);
                t.setDaemon(true);
                openers.add(t);
                t.start();
            }

            long deadline = t0 + TimeUnit.SECONDS.toNanos(o.timeoutSeconds);
            long lastReport = t0;
            long completed = 0;
            long otherFinal = 0;
            long peakRss = 0;
            boolean timedOut = false;
            long ninetyPercentAt = -1;
            long ninetyPercent = (long) Math.ceil(cases * 0.9);
            while (true) {
                Thread.sleep(250);
                completed = count("COMPLETED") - completedBefore;
                long now = System.nanoTime();
                peakRss = Math.max(peakRss, procStatusKb("VmRSS"));
                if (ninetyPercentAt < 0 && completed >= ninetyPercent) {
                    ninetyPercentAt = now;
                }
                if (completed >= cases) {
                    break;
                }
                if (now - lastReport >= TimeUnit.SECONDS.toNanos(5)) {
                    lastReport = now;
                    otherFinal = 0;
                    for (String s : OTHER_FINAL) {
                        otherFinal += count(s) - otherBefore.get(s);
                    }
                    System.out.printf(Locale.ROOT, "  [%5.0f s] opened %d, completed %d, other final %d; user tasks done %d, retries %d, errors %d%n",
                            (now - t0) / 1e9, created.get(), completed, otherFinal, stats.completed.get(), stats.retries.get(), stats.errors.get());
                    boolean allOpened = created.get() + creationErrors.get() >= cases;
                    if (allOpened && completed + otherFinal >= created.get()) {
                        break; // some cases ended otherwise (rejected, cancelled) or could not be opened: nothing left to wait for
                    }
                }
                if (now > deadline) {
                    timedOut = true;
                    break;
                }
            }
            long t1 = System.nanoTime();
            Instant endedAt = Instant.now();
            done.set(true);
            long cpuTicksAfter = serverCpuTicks();
            for (Thread t : openers) {
                t.join(5000);
            }
            for (Thread t : team) {
                t.join(5000);
            }
            Map<String, Long> externalByActivity = externalCompletions(startedAt.minusSeconds(1), endedAt.plusSeconds(1));
            long external = externalByActivity.values().stream().mapToLong(Long::longValue).sum();
            long successLogs = successfulExternalTaskLogs();
            report(t1 - t0, ninetyPercentAt < 0 ? -1 : ninetyPercentAt - t0, ninetyPercent, completed, external, successLogs, peakRss, cpuTicksBefore, cpuTicksAfter, timedOut,
                    expected, externalByActivity);
            return timedOut || completed < cases || stats.errors.get() > 0 || exceptionErrors.get() > 0 ? 1 : 0;
        }

        private void openCases(AtomicInteger next, Pacer pacer) {
            int i;
            while (!done.get() && (i = next.getAndIncrement()) < cases) {
                pacer.acquire();
                Map<String, Object> body = CaseMix.intake(i, runId);
                for (int attempt = 1; ; attempt++) {
                    long started = System.nanoTime();
                    EngineClient.Reply reply = client.post(o.opener, "/api/cases", body);
                    if (reply.ok()) {
                        creations.add(null, (System.nanoTime() - started) / 1000);
                        created.incrementAndGet();
                        long id = reply.json().path("id").asLong();
                        caseIds.add(id);
                        if (CaseMix.template(i).policyException()) {
                            askPolicyException(i, id);
                        }
                        break;
                    }
                    if (attempt < 3) {
                        creationRetries.incrementAndGet();
                        System.err.printf("  ! open case %d (attempt %d, retrying): HTTP %d %s%n", i, attempt, reply.status(),
                                EngineClient.abbreviate(reply.body()));
                    } else {
                        creationErrors.incrementAndGet();
                        System.err.printf("  ! open case %d: HTTP %d %s%n", i, reply.status(), EngineClient.abbreviate(reply.body()));
                        break;
                    }
                }
            }
        }

        /** The specialist asks for the template's policy exception while the case is in intake (the HR lead decides it). */
        private void askPolicyException(int i, long caseId) {
            EngineClient.Reply reply = client.post(o.opener, "/api/cases/" + caseId + "/policy-exceptions", CaseMix.POLICY_EXCEPTION);
            if (reply.ok()) {
                exceptionsAsked.incrementAndGet();
            } else {
                exceptionErrors.incrementAndGet();
                System.err.printf("  ! policy exception of case %d (id %d): HTTP %d %s%n", i, caseId, reply.status(),
                        EngineClient.abbreviate(reply.body()));
            }
        }

        private long count(String status) {
            EngineClient.Reply reply = client.get(o.opener, "/api/cases?status=" + status + "&size=1");
            if (!reply.ok()) {
                throw new IllegalStateException("GET /api/cases?status=" + status + " answered HTTP " + reply.status() + " "
                        + EngineClient.abbreviate(reply.body()));
            }
            return reply.json().path("totalItems").asLong();
        }

        /**
         * Service tasks (all external tasks in this journey) finished within the run, per activity: the steps the
         * cases' timelines (GET /api/cases/{id}) record as completed, read after the run. The case timeline, not the
         * engine's history: the product's default history level keeps no activity instances.
         */
        private Map<String, Long> externalCompletions(Instant from, Instant to) {
            Map<String, Long> byActivity = new LinkedHashMap<>();
            SERVICE_TASKS.forEach(a -> byActivity.put(a, 0L));
            for (Long id : caseIds) {
                EngineClient.Reply reply = client.get(o.opener, "/api/cases/" + id);
                if (!reply.ok()) {
                    throw new IllegalStateException("GET /api/cases/" + id + " answered HTTP " + reply.status() + " "
                            + EngineClient.abbreviate(reply.body()));
                }
                for (JsonNode entry : reply.json().path("timeline")) {
                    String activity = entry.path("elementId").asText();
                    if ("STEP_COMPLETED".equals(entry.path("kind").asText()) && byActivity.containsKey(activity)) {
                        Instant at = Instant.parse(entry.path("at").asText());
                        if (!at.isBefore(from) && !at.isAfter(to)) {
                            byActivity.merge(activity, 1L, Long::sum);
                        }
                    }
                }
            }
            byActivity.values().removeIf(n -> n == 0);
            return byActivity;
        }

        /** Successful external task logs in the whole history (a cross-check on a fresh database). */
        private long successfulExternalTaskLogs() {
            EngineClient.Reply reply = client.get(o.opener, "/engine-rest/history/external-task-log/count?successLog=true");
            return reply.ok() ? reply.json().path("count").asLong() : -1;
        }

        private long procStatusKb(String field) {
            if (o.serverPid <= 0) {
                return -1;
            }
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + o.serverPid + "/status"))) {
                    if (line.startsWith(field + ":")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }

        /** utime + stime of the server, in clock ticks (normally 100 per second). */
        private long serverCpuTicks() {
            if (o.serverPid <= 0) {
                return -1;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + o.serverPid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        private void report(long nanos, long ninetyNanos, long ninetyPercent, long completed, long external, long successLogs, long peakRssDuringRun,
                            long cpuBefore, long cpuAfter, boolean timedOut, long[] expected, Map<String, Long> externalByActivity) {
            double seconds = nanos / 1e9;
            long user = stats.completed.get();
            long[] lat = stats.completions.sorted();
            long[] polls = stats.polls.sorted();
            long[] opens = creations.sorted();
            long total = user + Math.max(0, external);
            if (warmup) {
                System.out.printf(Locale.ROOT, "  warm-up done: %d cases in %.1f s, %.1f task completions/s, user task complete p50 %.1f ms, p99 %.1f ms, "
                                + "%d errors, %d redelivered answers%n", completed, seconds, total / seconds, Latencies.percentileMillis(lat, 50),
                        Latencies.percentileMillis(lat, 99), stats.errors.get(), redelivery == null ? 0 : redelivery.redelivered.get());
                return;
            }
            System.out.println();
            System.out.println("Results" + (timedOut ? " (TIMED OUT: partial)" : ""));
            System.out.printf(Locale.ROOT, "  window              %.1f s (first case opened .. last case COMPLETED)%n", seconds);
            System.out.printf(Locale.ROOT, "  completed cases     %d of %d -> %.2f cases/s (the first %d within %.1f s: %.2f cases/s)%n",
                    completed, cases, completed / seconds, ninetyPercent, ninetyNanos / 1e9, ninetyPercent / (ninetyNanos / 1e9));
            System.out.printf(Locale.ROOT, "  task completions    %d -> %.1f /s  (user %d over HTTP = %.1f/s; external %d by job workers = %.1f/s)%n",
                    total, total / seconds, user, user / seconds, external, external / seconds);
            System.out.printf(Locale.ROOT, "  per case            %.2f task completions (user %.2f, external %.2f); the case mix predicts user %.2f, "
                            + "external %.2f (key-date planning included)%n",
                    completed == 0 ? 0 : (double) total / completed, completed == 0 ? 0 : (double) user / completed,
                    completed == 0 ? 0 : (double) external / completed, (double) expected[0] / cases, (double) expected[1] / cases);
            System.out.printf(Locale.ROOT, "  user task complete  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d, HTTP round trip)%n",
                    Latencies.percentileMillis(lat, 50), Latencies.percentileMillis(lat, 90), Latencies.percentileMillis(lat, 99),
                    Latencies.percentileMillis(lat, 100), lat.length);
            System.out.printf(Locale.ROOT, "  task query (poll)   p50 %.1f ms, p99 %.1f ms (n=%d); open case p50 %.1f ms, p99 %.1f ms (n=%d)%n",
                    Latencies.percentileMillis(polls, 50), Latencies.percentileMillis(polls, 99), polls.length,
                    Latencies.percentileMillis(opens, 50), Latencies.percentileMillis(opens, 99), opens.length);
            System.out.printf(Locale.ROOT, "  retries/errors      %d optimistic-locking retries, %d errors, %d tasks gone, %d unknown tasks; "
                            + "case opening: %d retried, %d failed%n",
                    stats.retries.get(), stats.errors.get(), stats.gone.get(), stats.unknownTasks.get(), creationRetries.get(), creationErrors.get());
            System.out.printf("  policy exceptions   %d asked during intake, %d refused%n", exceptionsAsked.get(), exceptionErrors.get());
            System.out.printf("  document uploads    %d files uploaded before the employees' documents tasks (not timed)%n", stats.uploads.get());
            System.out.printf("  lost vendor answers %s%n", redelivery == null ? "not watched (--redeliver-after 0)"
                    : redelivery.redelivered.get() + " redelivered by the benchmark after " + o.redeliverAfterSeconds
                    + " s of waiting (the simulator drops an answer the callback endpoint refuses with HTTP 500)");
            if (o.serverPid > 0) {
                long hwm = procStatusKb("VmHWM");
                System.out.printf(Locale.ROOT, "  server peak RSS     %s (VmHWM of pid %d; highest VmRSS sampled during the run %s)%n",
                        mib(hwm), o.serverPid, mib(peakRssDuringRun));
                if (cpuBefore >= 0 && cpuAfter >= 0) {
                    System.out.printf(Locale.ROOT, "  server CPU          %.2f cores busy on average over the window%n", (cpuAfter - cpuBefore) / 100.0 / seconds);
                }
            } else {
                System.out.println("  server peak RSS     unknown (pass --server-pid)");
            }
            double benchCpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1e9 : Double.NaN;
            System.out.printf(Locale.ROOT, "  benchmark CPU       %.1f s (it shares the machine with the server)%n", benchCpu);
            System.out.printf("  cross-check         %d successful external task logs in the whole history%n", successLogs);
            System.out.println("  per task key        count, p50, p99 (ms)");
            stats.completions.byKey().forEach((key, l) -> {
                long[] s = l.sorted();
                System.out.printf(Locale.ROOT, "    %-32s %6d %8.1f %8.1f%n", key, s.length, Latencies.percentileMillis(s, 50),
                        Latencies.percentileMillis(s, 99));
            });
            System.out.println("  external by activity count (service tasks finished in the window)");
            externalByActivity.forEach((activity, n) -> System.out.printf(Locale.ROOT, "    %-32s %6d%n", activity, n));
            boolean cpuKnown = o.serverPid > 0 && cpuBefore >= 0 && cpuAfter >= 0;
            System.out.printf(Locale.ROOT, "RESULT cases=%d seconds=%.1f cases_per_s=%.2f tasks_per_s=%.1f user_per_s=%.1f external_per_s=%.1f "
                            + "p50_ms=%.1f p99_ms=%.1f peak_rss_mib=%s rate=%s errors=%d server_cores=%s server_cpu_ms_per_task=%s%n",
                    completed, seconds, completed / seconds, total / seconds, user / seconds, external / seconds,
                    Latencies.percentileMillis(lat, 50), Latencies.percentileMillis(lat, 99),
                    o.serverPid > 0 ? Long.toString(procStatusKb("VmHWM") / 1024) : "unknown",
                    o.rate > 0 ? Double.toString(o.rate) : "max", stats.errors.get(),
                    cpuKnown ? String.format(Locale.ROOT, "%.2f", (cpuAfter - cpuBefore) / 100.0 / seconds) : "unknown",
                    cpuKnown && total > 0 ? String.format(Locale.ROOT, "%.1f", (cpuAfter - cpuBefore) * 10.0 / total) : "unknown");
        }

        private static String mib(long kb) {
            return kb < 0 ? "unknown" : String.format(Locale.ROOT, "%d MiB", kb / 1024);
        }
    }
}
