package uk.gov.justice.digital.hmpps.rollbackconsole;

import uk.gov.justice.digital.hmpps.rollbackconsole.cli.CommandLine;

/**
 * Entry point. With a command ({@code export}, {@code help}) it runs the command line, which never loads JavaFX
 * and so needs no display; otherwise it opens the window ({@code --review FILE} opens it on that file's review).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            int code = CommandLine.run(args, System.out, System.err, System.getenv());
            System.exit(code);
        }
        App.launchWindow(args);
    }
}
