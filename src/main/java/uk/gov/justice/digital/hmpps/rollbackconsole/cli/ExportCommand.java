package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Stands in for the export command, which lives with the replica code; removed again before this branch merges. */
final class ExportCommand {

    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.err = err;
    }

    int run(List<String> args) throws UsageException {
        err.println("rollback-console: export is not available in this build.");
        return 1;
    }
}
