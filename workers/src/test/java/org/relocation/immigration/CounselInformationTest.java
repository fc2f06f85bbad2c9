package org.relocation.immigration;

import org.junit.jupiter.api.Test;
import org.relocation.vendor.VendorService;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** What counsel is told on its request for information: the specialist's latest recorded summary for the traveller. */
class CounselInformationTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    private final CounselNoteRepository repository = mock(CounselNoteRepository.class);
    private final VendorService vendors = mock(VendorService.class);
    private final CounselNotes notes = new CounselNotes(repository, mock(ImmigrationService.class), vendors, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theLatestRecordedSummaryIsSentAndMarkedSent() {
        CounselNote earlier = note("Uploaded the assignment letter");
        CounselNote latest = note("Uploaded the certified translation");
        when(repository.findByCaseIdAndTravellerIdAndKindOrderById(1L, 7L, CounselNote.Kind.INFORMATION_PROVIDED)).thenReturn(List.of(earlier, latest));
        when(vendors.informationProvided(1L, 7L, "Uploaded the certified translation")).thenReturn(true);

        notes.sendInformation(1L, 7L);

        verify(vendors).informationProvided(1L, 7L, "Uploaded the certified translation");
        assertThat(latest.getSentAt()).isEqualTo(NOW);
        assertThat(earlier.getSentAt()).isNull();
    }

    @Test
    void anOrderNoLongerWaitingLeavesTheNoteUnsent() {
        CounselNote latest = note("Uploaded the certified translation");
        when(repository.findByCaseIdAndTravellerIdAndKindOrderById(1L, 7L, CounselNote.Kind.INFORMATION_PROVIDED)).thenReturn(List.of(latest));
        when(vendors.informationProvided(1L, 7L, "Uploaded the certified translation")).thenReturn(false);

        notes.sendInformation(1L, 7L);

        assertThat(latest.getSentAt()).isNull();
    }

    @Test
    void withoutARecordedAnswerNothingIsSent() {
        when(repository.findByCaseIdAndTravellerIdAndKindOrderById(1L, 7L, CounselNote.Kind.INFORMATION_PROVIDED)).thenReturn(List.of());

        assertThatThrownBy(() -> notes.sendInformation(1L, 7L)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Uploaded");
        verifyNoInteractions(vendors);
    }

    private static CounselNote note(String text) {
        return new CounselNote(1L, 3L, 7L, CounselNote.Kind.INFORMATION_PROVIDED, null, text, "specialist", NOW.minusSeconds(60));
    }
}
