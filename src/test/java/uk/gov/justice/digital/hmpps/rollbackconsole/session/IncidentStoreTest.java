package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.SampleIncident;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;

class IncidentStoreTest {

    @TempDir
    Path root;

    @Test
    void anIncidentGetsAFolderNamedByItsStartInUtcAndItsEnvironment() throws IOException {
        Clock fixed = Clock.fixed(Instant.parse("2025-06-10T14:02:00.750Z"), ZoneOffset.UTC);
        IncidentStore store = new IncidentStore(root, fixed);

        Path first;
        Path second;
        try (IncidentJournal a = store.start(Environment.PROD, "0.1.0");
             IncidentJournal b = store.start(Environment.PROD, "0.1.0")) {
            first = a.folder();
            second = b.folder();
        }

        assertThat(first).isEqualTo(root.resolve("2025-06-10T14-02-00Z-prod"));
        assertThat(second).isEqualTo(root.resolve("2025-06-10T14-02-00Z-prod-2"));
        IncidentState state = store.open(first);
        assertThat(state.lines()).singleElement().extracting(JournalLine::entry)
                .isEqualTo(new JournalEntry.IncidentStarted("0.1.0", Environment.PROD));
        assertThat(state.started()).isEqualTo(Instant.parse("2025-06-10T14:02:00.750Z"));
    }

    @Test
    void recentIncidentsAreListedNewestFirstWithWhereEachStoppedAndWhetherItFinished() throws IOException {
        StepClock clock = new StepClock(Instant.parse("2025-06-01T09:00:00Z"), Duration.ofHours(1));
        IncidentStore store = new IncidentStore(root, clock);
        try (IncidentJournal old = store.start(Environment.DEV, "0.1.0")) {
            old.append(new JournalEntry.ReportWritten(old.folder().resolve("report.md"), "ab"));
        }
        Path middle;
        try (IncidentJournal mid = store.start(Environment.PREPROD, "0.1.0")) {
            middle = mid.folder();
            for (SampleIncident.Step step : SampleIncident.entries().subList(1, 11)) {
                mid.append(step.entry());
            }
        }
        store.start(Environment.PROD, "0.1.0").close();
        Path elsewhere = root.resolve("not-an-incident");
        Files.createDirectories(elsewhere);

        List<IncidentSummary> recent = store.recent(10);

        assertThat(recent).extracting(IncidentSummary::environment)
                .containsExactly(Environment.PROD, Environment.PREPROD, Environment.DEV);
        assertThat(recent).extracting(IncidentSummary::step)
                .containsExactly(IncidentStep.CONNECT, IncidentStep.SEND, IncidentStep.OUTCOME);
        assertThat(recent).extracting(IncidentSummary::finished).containsExactly(false, false, true);
        assertThat(recent.get(1).folder()).isEqualTo(middle);
        assertThat(recent).allSatisfy(s -> assertThat(s.problem()).isEmpty());
        assertThat(store.recent(2)).hasSize(2);
    }

    @Test
    void anIncidentWhoseRunIsOverIsListedAtTheOutcomeWhereResumingLands() throws IOException {
        IncidentStore store = new IncidentStore(root, new StepClock(SampleIncident.START, Duration.ofMinutes(1)));
        try (IncidentJournal journal = store.start(Environment.PREPROD, "0.1.0")) {
            journal.append(new JournalEntry.BatchesPlanned(1, 4, 500));
            journal.append(new JournalEntry.BatchSending(1, new RecordKey(SourceSystem.DELIUS, "X100"),
                    new RecordKey(SourceSystem.DELIUS, "X103"), 4));
            journal.append(new JournalEntry.BatchAnswered(1, 200, "accepted"));
            journal.append(new JournalEntry.LogMilestone(1, "ADMIN RECLUSTER: Complete."));
            journal.append(new JournalEntry.RunCounted(1, 4, 0, 0));
        }
        IncidentSummary summary = store.recent(1).get(0);
        assertThat(summary.step()).isEqualTo(IncidentStep.OUTCOME);
        assertThat(summary.finished()).as("no report yet: it can still be resumed").isFalse();
        assertThat(summary.batchesText()).isEqualTo("1 sent, 0 unknown, 0 not sent");
    }

    @Test
    void aTornOrDamagedJournalIsStillListedWithWhatIsWrong() throws IOException {
        IncidentStore store = new IncidentStore(root, new StepClock(SampleIncident.START, Duration.ofMinutes(1)));
        Path torn;
        try (IncidentJournal journal = store.start(Environment.PROD, "0.1.0")) {
            torn = journal.folder();
            journal.append(SampleIncident.entries().get(1).entry());
        }
        try (FileChannel c = FileChannel.open(torn.resolve(IncidentJournal.FILE_NAME), StandardOpenOption.WRITE)) {
            c.truncate(c.size() - 3);
        }
        Path damaged;
        try (IncidentJournal journal = store.start(Environment.DEV, "0.1.0")) {
            damaged = journal.folder();
        }
        Files.writeString(damaged.resolve(IncidentJournal.FILE_NAME), "not json\n");

        List<IncidentSummary> recent = store.recent(10);

        assertThat(recent).extracting(IncidentSummary::folder).containsExactly(torn, damaged);
        assertThat(recent.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("was ignored"));
        assertThat(recent.get(0).environment()).isEqualTo(Environment.PROD);
        assertThat(recent.get(1).problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith(IncidentSummary.UNREADABLE).contains("line 1"));
    }

    @Test
    void openingAnIncidentChangesNothingInItsFolder() throws IOException {
        IncidentStore store = new IncidentStore(root, new StepClock(SampleIncident.START, Duration.ofSeconds(1)));
        Path folder = root.resolve("chosen-by-the-user");
        store.start(folder, Environment.PREPROD, "0.1.0").close();
        Path file = folder.resolve(IncidentJournal.FILE_NAME);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            c.write(java.nio.ByteBuffer.wrap("{\"at\":".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        byte[] before = Files.readAllBytes(file);

        IncidentState state = store.open(folder);
        store.recent(5);

        assertThat(state.note()).contains("the last line was incomplete (6 bytes) and was ignored");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(folder)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void theDefaultRootIsTheConsolesFolderInTheUsersDataDirectory() {
        Path defaultRoot = IncidentStore.defaultRoot();

        assertThat(defaultRoot.endsWith(Path.of("rollback-console", "incidents"))).isTrue();
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && !System.getProperty("os.name").toLowerCase().contains("mac")
                && !System.getProperty("os.name").toLowerCase().contains("win")) {
            assertThat(defaultRoot.startsWith(Path.of(xdg))).isTrue();
        }
    }
}
