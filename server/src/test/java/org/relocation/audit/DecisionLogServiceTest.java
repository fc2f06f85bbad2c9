package org.relocation.audit;

import org.relocation.TestCases;
import org.relocation.relocationcase.CaseService;

import org.junit.jupiter.api.Test;
import org.relocation.Api;
import org.relocation.ServerTest;
import org.relocation.relocationcase.CaseNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decision log on the real database: order, hash chain, tampering found, concurrent appends, the caller's transaction. */
@ServerTest
class DecisionLogServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    DecisionLog log;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService cases;

    /** A case record without a journey: only this test writes to its log. */
    private long openCase() {
        return TestCases.recordOnly(cases).getId();
    }

    private DecisionLogEntry append(long caseId, String summary) {
        return tx.execute(s -> log.append(caseId, DecisionKind.RULE_DECISION, "relocation-allowances", summary,
                Map.of("tier", "B"), DecisionLog.SYSTEM));
    }

    @Test
    void entriesAreNumberedInOrderChainedAndVerify() {
        long caseId = openCase();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("zeta", 1);
        details.put("amount", new BigDecimal("82000.50"));
        details.put("from", LocalDate.of(2030, 1, 10));
        details.put("outputs", Map.of("b", true, "a", List.of("x", "y")));
        DecisionLogEntry first = tx.execute(s -> log.append(caseId, DecisionKind.ESTIMATE, "estimate-v1", "Estimate version 1: EUR 82,000.50",
                details, DecisionLog.SYSTEM));
        DecisionLogEntry second = tx.execute(s -> log.append(caseId, DecisionKind.APPROVAL, "approve-budget", "Budget approved – Zuschuss für München ✓",
                null, "manager"));

        assertThat(first.getSequence()).isEqualTo(1);
        assertThat(first.getPreviousHash()).isNull();
        assertThat(first.getDetails()).isEqualTo("{\"amount\":82000.50,\"from\":\"2030-01-10\",\"outputs\":{\"a\":[\"x\",\"y\"],\"b\":true},\"zeta\":1}");
        assertThat(first.getHash()).matches("[0-9a-f]{64}");
        assertThat(first.getOccurredAt().getNano()).isZero();
        assertThat(second.getSequence()).isEqualTo(2);
        assertThat(second.getPreviousHash()).isEqualTo(first.getHash());
        assertThat(second.getDetails()).isEqualTo("{}");

        List<DecisionLogEntry> read = log.entries(caseId);
        assertThat(read).extracting(DecisionLogEntry::getSequence).containsExactly(1, 2);
        assertThat(read).extracting(DecisionLogEntry::getKind).containsExactly(DecisionKind.ESTIMATE, DecisionKind.APPROVAL);
        assertThat(read.get(0).getDetails()).isEqualTo(first.getDetails());
        assertThat(read.get(0).getOccurredAt()).isEqualTo(first.getOccurredAt());
        assertThat(read.get(1).getHash()).isEqualTo(second.getHash());
        assertThat(read.get(1).getSummary()).isEqualTo("Budget approved – Zuschuss für München ✓");
        assertThat(log.verify(caseId)).isEqualTo(new DecisionLog.Verification(true, 2, null, null));
        assertThat(log.entries(openCase())).isEmpty();
    }

    @Test
    void aRowChangedOrRemovedInTheDatabaseIsReportedAtItsSequence() {
        long caseId = openCase();
        for (int i = 1; i <= 4; i++) {
            append(caseId, "Decision " + i);
        }
        assertThat(log.verify(caseId).verified()).isTrue();

        jdbc.update("UPDATE decision_log_entry SET summary = ? WHERE case_id = ? AND sequence = 3", "Decision 3 (edited)", caseId);
        DecisionLog.Verification edited = log.verify(caseId);
        assertThat(edited.verified()).isFalse();
        assertThat(edited.firstBrokenSequence()).isEqualTo(3);
        assertThat(edited.problem()).contains("content");

        jdbc.update("UPDATE decision_log_entry SET summary = ? WHERE case_id = ? AND sequence = 3", "Decision 3", caseId);
        assertThat(log.verify(caseId).verified()).as("restored").isTrue();

        jdbc.update("DELETE FROM decision_log_entry WHERE case_id = ? AND sequence = 2", caseId);
        DecisionLog.Verification removed = log.verify(caseId);
        assertThat(removed.verified()).isFalse();
        assertThat(removed.firstBrokenSequence()).isEqualTo(2);
        assertThat(removed.problem()).contains("missing");
    }

    @Test
    void anEntryIsWrittenOnlyIfTheCallersTransactionCommits() {
        long caseId = openCase();
        append(caseId, "kept");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            log.append(caseId, DecisionKind.POLICY_EXCEPTION, "exception-housing", "rolled back", Map.of(), "manager");
            throw new IllegalStateException("the caller's work failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(append(caseId, "next").getSequence()).isEqualTo(2);
        assertThat(log.entries(caseId)).extracting(DecisionLogEntry::getSummary).containsExactly("kept", "next");
        assertThat(log.verify(caseId).verified()).isTrue();
    }

    @Test
    void concurrentAppendsToOneCaseGetDistinctConsecutiveSequences() throws Exception {
        long caseId = openCase();
        int perThread = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<List<Integer>>> runs = new ArrayList<>();
            for (String thread : List.of("a", "b")) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    List<Integer> got = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        got.add(append(caseId, thread + i).getSequence());
                    }
                    return got;
                }, pool));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (CompletableFuture<List<Integer>> run : runs) {
                all.addAll(run.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(2 * perThread).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.entries(caseId)).extracting(DecisionLogEntry::getSequence)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 2 * perThread).boxed().toList());
        assertThat(log.verify(caseId).verified()).isTrue();
    }

    @Test
    void aSecondAppendWaitsForTheFirstTransactionAndFollowsIt() throws Exception {
        long caseId = openCase();
        long other = openCase();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<DecisionLogEntry> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
                DecisionLogEntry e = log.append(caseId, DecisionKind.APPROVAL, "approve-move", "first", Map.of(), "manager");
                appended.countDown();
                await(commit);
                return e;
            }), pool);
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<DecisionLogEntry> second = CompletableFuture.supplyAsync(() -> append(caseId, "second"), pool);
            assertThatThrownBy(() -> second.get(500, TimeUnit.MILLISECONDS)).as("waits for the first").isInstanceOf(TimeoutException.class);
            // another case is not held up
            assertThat(CompletableFuture.supplyAsync(() -> append(other, "elsewhere"), pool).get(5, TimeUnit.SECONDS).getSequence()).isEqualTo(1);
            commit.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).getSequence()).isEqualTo(1);
            DecisionLogEntry next = second.get(30, TimeUnit.SECONDS);
            assertThat(next.getSequence()).isEqualTo(2);
            assertThat(next.getPreviousHash()).isEqualTo(first.get().getHash());
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
        assertThat(log.verify(caseId).verified()).isTrue();
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        long caseId = openCase();
        String longSummary = "s".repeat(DecisionLog.SUMMARY_MAX + 1);
        Map<String, Object> tooBig = Map.of("text", "x".repeat(DecisionLog.DETAILS_MAX));
        List<Runnable> bad = List.of(
                () -> log.append(caseId, null, "s", "summary", null, "system"),
                () -> log.append(caseId, DecisionKind.ROUTING, " ", "summary", null, "system"),
                () -> log.append(caseId, DecisionKind.ROUTING, "s", longSummary, null, "system"),
                () -> log.append(caseId, DecisionKind.ROUTING, "s", "two\nlines", null, "system"),
                () -> log.append(caseId, DecisionKind.ROUTING, "s", "summary", null, null),
                () -> log.append(caseId, DecisionKind.ROUTING, "s", "summary", tooBig, "system"),
                () -> log.append(caseId, DecisionKind.ROUTING, "s", "summary", Map.of("self", new Object() {
                    public Object getSelf() { return this; }
                }), "system"));
        bad.forEach(b -> assertThatThrownBy(() -> tx.executeWithoutResult(s -> b.run())).isInstanceOf(IllegalArgumentException.class));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> log.append(999_999_999L, DecisionKind.ROUTING, "s", "summary", null, "system")))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(log.entries(caseId)).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
