package org.relocation.audit;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical form and hash of an entry (pinned: stored chains must keep verifying), and the chain check. */
class DecisionLogEntryTest {

    private static final Instant AT = Instant.parse("2030-01-10T12:00:00Z");
    private final DecisionLog log = new DecisionLog(null, Clock.systemUTC());

    @Test
    void theHashIsTheSha256OfThePinnedCanonicalForm() {
        DecisionLogEntry e = new DecisionLogEntry(7L, 2, DecisionKind.APPROVAL, "approve-budget", "Approved | within policy",
                "{\"amount\":\"82000.00\",\"currency\":\"EUR\"}", "manager", AT, "ab".repeat(32));
        assertThat(e.canonical()).isEqualTo("7|2|APPROVAL|approve-budget|Approved \\| within policy|"
                + "{\"amount\":\"82000.00\",\"currency\":\"EUR\"}|manager|2030-01-10T12:00:00Z|" + "ab".repeat(32));
        // computed independently: printf '%s' '<canonical>' | sha256sum
        assertThat(e.getHash()).isEqualTo("b71878722aac7002a3b895b327af8218793a4e4a62a82c5dd15d3244c6cd4e31");
    }

    @Test
    void separatorsInsideFieldsCannotMakeTwoEntriesLookAlike() {
        DecisionLogEntry a = new DecisionLogEntry(7L, 1, DecisionKind.ROUTING, "a|b", "c", "{}", "system", AT, null);
        DecisionLogEntry b = new DecisionLogEntry(7L, 1, DecisionKind.ROUTING, "a", "b|c", "{}", "system", AT, null);
        DecisionLogEntry c = new DecisionLogEntry(7L, 1, DecisionKind.ROUTING, "a\\", "|c", "{}", "system", AT, null);
        assertThat(List.of(a.getHash(), b.getHash(), c.getHash())).doesNotHaveDuplicates();
    }

    @Test
    void aChainVerifiesAndEachKindOfDamageIsReportedAtItsSequence() {
        List<DecisionLogEntry> chain = chain(4);
        assertThat(log.verify(chain)).isEqualTo(new DecisionLog.Verification(true, 4, null, null));
        assertThat(log.verify(List.of())).isEqualTo(new DecisionLog.Verification(true, 0, null, null));

        List<DecisionLogEntry> altered = chain(4);
        ReflectionTestUtils.setField(altered.get(2), "summary", "Rejected");
        assertBroken(log.verify(altered), 3, "content");

        List<DecisionLogEntry> rehashed = chain(4); // altered and its own hash recomputed: the next entry no longer links
        ReflectionTestUtils.setField(rehashed.get(1), "actor", "someone-else");
        ReflectionTestUtils.setField(rehashed.get(1), "hash", rehashed.get(1).computeHash());
        assertBroken(log.verify(rehashed), 3, "previous hash");

        List<DecisionLogEntry> gap = chain(4);
        gap.remove(1);
        assertBroken(log.verify(gap), 2, "sequence 2 is missing");

        List<DecisionLogEntry> first = chain(2);
        first.remove(0);
        assertBroken(log.verify(first), 1, "sequence 1 is missing");

        List<DecisionLogEntry> moved = chain(3); // case 7's entries relabelled as another case's
        for (DecisionLogEntry e : moved) {
            ReflectionTestUtils.setField(e, "caseId", 8L);
        }
        assertBroken(log.verify(moved), 1, "content");
    }

    @Test
    void verifyTakesOneCaseAtATime() {
        List<DecisionLogEntry> mixed = chain(2);
        mixed.add(new DecisionLogEntry(8L, 3, DecisionKind.ROUTING, "x", "y", "{}", "system", AT, null));
        assertThatThrownBy(() -> log.verify(mixed)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertBroken(DecisionLog.Verification v, int sequence, String problem) {
        assertThat(v.verified()).isFalse();
        assertThat(v.firstBrokenSequence()).isEqualTo(sequence);
        assertThat(v.problem()).contains(problem);
    }

    private static List<DecisionLogEntry> chain(int n) {
        List<DecisionLogEntry> out = new ArrayList<>();
        String previous = null;
        for (int i = 1; i <= n; i++) {
            DecisionLogEntry e = new DecisionLogEntry(7L, i, DecisionKind.RULE_DECISION, "relocation-allowances", "Decision " + i,
                    "{\"i\":" + i + "}", DecisionLog.SYSTEM, AT.plusSeconds(i), previous);
            out.add(e);
            previous = e.getHash();
        }
        return out;
    }
}
