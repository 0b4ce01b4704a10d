package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.SampleIncident;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;

class EventClockJournalTest {

    @TempDir
    Path folder;

    private final StepClock clock = new StepClock(SampleIncident.START, Duration.ofSeconds(5));

    @Test
    void theChosenClockAndEveryWindowsClockReadBackAsWritten() throws IOException {
        AffectedWindow window = new AffectedWindow(Instant.parse("2025-06-09T12:21:55Z"),
                Instant.parse("2025-06-10T14:00:00Z"), EventClock.UK);
        JournalEntry.ClockChosen chosen = new JournalEntry.ClockChosen(EventClock.UK, EventClock.UK,
                "event_log is in UK time: newest event 14:31:07, UK now 14:31:20, UTC now 13:31:20.");
        try (IncidentJournal journal = IncidentJournal.create(folder, clock)) {
            journal.append(new JournalEntry.IncidentStarted("0.1.0", Environment.PROD));
            journal.append(chosen);
            journal.append(new JournalEntry.CountsTaken(window, new AffectedCounts(3, 2, 1)));
        }

        String text = Files.readString(folder.resolve(IncidentJournal.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(text).contains("\"type\":\"event_clock\",\"clock\":\"UK\",\"detected\":\"UK\"")
                .contains("\"event_clock\":\"UK\"");
        IncidentState state = IncidentState.of(folder, new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)));
        assertThat(state.eventClock()).contains(chosen);
        assertThat(state.counts().get().window()).isEqualTo(window);
        assertThat(state.windowsInUtcBeforeClockChoice()).isFalse();
    }

    @Test
    void aJournalWrittenBeforeTheClockExistedIsReadAsTheUtcWindowItQueried() throws IOException {
        // As an earlier console wrote it: no clock entry, and windows without a clock (compared as UTC)
        Files.writeString(folder.resolve(IncidentJournal.FILE_NAME), String.join("\n",
                "{\"at\":\"2025-06-10T14:02:00Z\",\"type\":\"incident_started\",\"app_version\":\"0.1.0\",\"environment\":\"PROD\"}",
                "{\"at\":\"2025-06-10T14:02:05Z\",\"type\":\"cutoff\",\"typed\":\"2025-06-09 13:21:55\",\"zone\":\"Europe/London\","
                        + "\"local\":\"2025-06-09T13:21:55\",\"utc\":\"2025-06-09T12:21:55Z\"}",
                "{\"at\":\"2025-06-10T14:02:10Z\",\"type\":\"counts\",\"cutoff\":\"2025-06-09T12:21:55Z\","
                        + "\"as_of\":\"2025-06-10T14:00:00Z\",\"events\":3,\"distinct_records\":2,\"distinct_clusters\":1}",
                ""));

        IncidentState state = IncidentState.of(folder, new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)));

        AffectedWindow old = state.counts().get().window();
        assertThat(old.clock()).isEqualTo(EventClock.UTC);
        assertThat(old.lower().value()).isEqualTo(LocalDateTime.parse("2025-06-09T12:21:55"));
        assertThat(state.eventClock()).isEmpty();
        assertThat(state.windowsInUtcBeforeClockChoice()).isTrue();
    }
}
