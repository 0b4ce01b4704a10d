package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;

/** The one guard against sending a file twice, over incidents written by either front end, old and new. */
class SendGuardTest {

    @TempDir
    Path dir;

    private Path file(String name, int records, String prefix) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= records; i++) {
            json.append(i == 1 ? "" : ",").append("{\"source_system\":\"NOMIS\",\"source_system_id\":\"")
                    .append(prefix).append(i).append("\"}");
        }
        Path f = dir.resolve(name);
        Files.writeString(f, json.append("]\n"));
        return f;
    }

    private Path incident(JournalEntry... entries) throws Exception {
        IncidentStore store = new IncidentStore(dir.resolve("incidents"), Clock.systemUTC());
        try (IncidentJournal journal = store.start(Environment.PREPROD, "test")) {
            for (JournalEntry e : entries) {
                journal.append(e);
            }
            return journal.folder();
        }
    }

    private static RecordKey nomis(String id) {
        return new RecordKey(SourceSystem.NOMIS, id);
    }

    @Test
    void aFileWhoseSendIsRecordedAnywhereIsFoundAndNamesItsIncident() throws Exception {
        Path file = file("affected.json", 30, "A");
        String sha = Sha256.of(file);
        // Killed before its first request: the send's record alone is enough.
        Path folder = incident(new JournalEntry.SendStarted(file, sha, 30, 10, 3, "ns", "pod-1",
                JournalEntry.SendStarted.REVIEW));

        Optional<SendGuard.PriorSend> found = new SendGuard(dir.resolve("incidents")).find(file, sha, Optional.empty());

        assertThat(found).isPresent();
        assertThat(found.get().incident()).isEqualTo(folder);
        assertThat(found.get().finished()).isFalse();
        assertThat(found.get().describe(file, sha)).contains("was already sent in the incident " + folder)
                .contains("rollback-console recluster --resume " + folder);
        assertThat(new SendGuard(dir.resolve("incidents")).find(file, sha, Optional.of(folder)))
                .as("the incident asking is not its own obstacle").isEmpty();
    }

    @Test
    void aReviewedFileSentByAnOlderWindowIsFoundByItsBatchesNotByItsNote() throws Exception {
        Path file = file("affected.json", 30, "A");
        String sha = Sha256.of(file);
        // What the window wrote before send_started: the file in free text only, the batches typed.
        Path folder = incident(new JournalEntry.Decision(DecisionKind.NOTE, null, "Sending elsewhere.json, reviewed"
                        + " offline (SHA-256 0000, 30 records)."),
                new JournalEntry.BatchesPlanned(3, 30, 10),
                new JournalEntry.BatchSending(1, nomis("A1"), nomis("A10"), 10),
                new JournalEntry.BatchAnswered(1, 200, "accepted"),
                new JournalEntry.BatchSending(2, nomis("A11"), nomis("A20"), 10));
        Path other = file("other.json", 30, "B");

        SendGuard guard = new SendGuard(dir.resolve("incidents"));

        assertThat(guard.find(file, sha, Optional.empty())).map(SendGuard.PriorSend::incident).contains(folder);
        assertThat(guard.find(other, Sha256.of(other), Optional.empty())).as("another file's batches differ").isEmpty();
    }

    @Test
    void anIncidentThatSentNothingOrAnotherFileIsNoObstacle() throws Exception {
        Path file = file("affected.json", 30, "A");
        Path other = file("other.json", 30, "B");
        incident(new JournalEntry.Exported(file, Sha256.of(file), 30));
        incident(new JournalEntry.SendStarted(other, Sha256.of(other), 30, 10, 3, "ns", "pod-1",
                JournalEntry.SendStarted.FILE), new JournalEntry.BatchSending(1, nomis("A1"), nomis("A10"), 10));

        assertThat(new SendGuard(dir.resolve("incidents")).find(file, Sha256.of(file), Optional.empty())).isEmpty();
    }
}
