package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.Version;

/** {@code --version} is what a packaged console is first asked, by a person or by the packaging check. */
class VersionCommandTest {

    @Test
    void versionPrintsTheConsolesVersionAndSucceeds() {
        for (String arg : new String[] {"--version", "version"}) {
            Console run = Console.run(arg);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).containsExactly("rollback-console " + Version.VERSION);
            assertThat(run.err()).isEmpty();
        }
        assertThat(CommandLine.isCommand(new String[] {"--version"})).isTrue();
        // A file to review is not a command: it opens the window.
        assertThat(CommandLine.isCommand(new String[] {"affected.json"})).isFalse();
    }

    @Test
    void usageNamesTheVersionAndTheLoneFileForm() {
        assertThat(Console.run("help").out())
                .anySatisfy(line -> assertThat(line).contains("--version"))
                .anySatisfy(line -> assertThat(line).contains("rollback-console FILE"));
    }
}
