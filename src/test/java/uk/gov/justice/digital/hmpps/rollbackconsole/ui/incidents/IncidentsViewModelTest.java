package uk.gov.justice.digital.hmpps.rollbackconsole.ui.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchOutcome;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.SampleIncident;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;

class IncidentsViewModelTest {

    @TempDir
    Path root;

    @Test
    void listsTheIncidentsNewestFirstAndOpensOneWithoutChangingIt() throws IOException {
        IncidentStore store = new IncidentStore(root, new StepClock(SampleIncident.START, Duration.ofMinutes(1)));
        Path sample = root.resolve("2025-06-10T14-02-00Z-preprod");
        SampleIncident.write(sample, new StepClock(SampleIncident.START, Duration.ofSeconds(10)));
        Path torn;
        try (IncidentJournal journal = store.start(Environment.PROD, "0.1.0")) {
            torn = journal.folder();
            journal.append(SampleIncident.entries().get(1).entry());
        }
        try (FileChannel c = FileChannel.open(torn.resolve(IncidentJournal.FILE_NAME), StandardOpenOption.WRITE)) {
            c.truncate(c.size() - 3);
        }
        IncidentsViewModel model = new IncidentsViewModel(store, new DirectTaskRunner());

        model.load();

        assertThat(model.incidents()).extracting(s -> s.folder()).containsExactly(torn, sample);
        assertThat(model.incidents().get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("was ignored"));
        assertThat(model.incidents().get(1).step()).isEqualTo(IncidentStep.OUTCOME);
        assertThat(model.incidents().get(1).finished()).isFalse();

        byte[] journalBefore = Files.readAllBytes(sample.resolve(IncidentJournal.FILE_NAME));
        model.open(model.incidents().get(1));
        IncidentState state = model.openedProperty().get().state();
        assertThat(state.export()).hasValueSatisfying(x -> assertThat(x.sha256()).startsWith("9f86d081"));
        assertThat(state.batches()).extracting(b -> IncidentsView.resend(b)).containsExactly(
                "NEVER: the service took it", "NEVER: the service took it", "NEVER: the service took it");
        assertThat(state.batches()).allSatisfy(b -> assertThat(b.outcome()).isEqualTo(BatchOutcome.SENT));
        assertThat(model.openedProperty().get().reportText()).isEmpty();
        assertThat(model.detailMessageProperty().get()).isNull();
        assertThat(Files.readAllBytes(sample.resolve(IncidentJournal.FILE_NAME))).isEqualTo(journalBefore);
        try (var files = Files.list(sample)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(IncidentJournal.FILE_NAME);
        }

        model.open(model.incidents().get(0));
        assertThat(model.detailMessageProperty().get().kind()).isEqualTo(Message.Kind.WARNING);
        assertThat(model.detailMessageProperty().get().text()).contains("was ignored");
    }

    @Test
    void saysSoWhenThereAreNoIncidentsYet() {
        IncidentsViewModel model = new IncidentsViewModel(new IncidentStore(root.resolve("none"),
                new StepClock(SampleIncident.START, Duration.ofMinutes(1))), new DirectTaskRunner());
        model.load();
        assertThat(model.incidents()).isEmpty();
        assertThat(model.messageProperty().get().text()).startsWith("No incidents in ");
    }
}
