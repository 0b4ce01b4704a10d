package uk.gov.justice.digital.hmpps.rollbackconsole.ui.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What the rehearsal's window says when it cannot start, as the lead reads it in place of the console. */
class RehearsalStartFailureTest {

    private static final Path FOLDER = Path.of("/tmp/rollback-console-rehearsal-123");

    @Test
    void aReadReplicaThatCannotRunHereIsSaidWithWhyAndNoPrimaryIsOffered() {
        // As RehearsalDatabase.standbyOf fails when the standby's server does not come up.
        RuntimeException e = new UncheckedIOException("could not start the hot standby",
                new IOException("Gave up waiting for server to start after 10000ms"));

        assertThat(RehearsalWindow.failure(e, FOLDER))
                .startsWith("The rehearsal could not start: could not start the hot standby: Gave up waiting for "
                        + "server to start after 10000ms.")
                .contains("its server log: " + FOLDER.resolve("replica.log"))
                .endsWith("Nothing is started in its place: a rehearsal never reads a primary.");
    }

    @Test
    void anyOtherFailureIsSaidInItsOwnWordsOnce() {
        RuntimeException e = new IllegalStateException("no port free for the simulated pods",
                new IllegalStateException("no port free for the simulated pods"));

        assertThat(RehearsalWindow.failure(e, FOLDER))
                .isEqualTo("The rehearsal could not start: no port free for the simulated pods.");
    }
}
