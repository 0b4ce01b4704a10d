package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.gov.justice.digital.hmpps.rollbackconsole.Version;

/** The console without a window: the same core, driven by arguments, for scripts and for machines with no display. */
public final class CommandLine {

    private static final Set<String> COMMANDS = Set.of("export", "validate", "diff", "releases", "recluster", "outcome", "help", "--help", "-h",
            "version", "--version");

    private CommandLine() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Returns the process exit code: 0 on success, 1 on failure, 2 on a usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "export":
                    return new ExportCommand(out, err, env).run(rest);
                case "validate":
                    return new ValidateCommand(out, err).run(rest);
                case "diff":
                    return new DiffCommand(out, err).run(rest);
                case "releases":
                    return new ReleasesCommand(out, err).run(rest);
                case "recluster":
                    return new ReclusterCommand(out, err, java.time.Clock.systemUTC()).run(rest);
                case "outcome":
                    return new OutcomeCommand(out, err, env, java.time.Clock.systemUTC()).run(rest);
                case "version":
                case "--version":
                    out.println("rollback-console " + Version.VERSION);
                    return 0;
                default:
                    out.println(usage());
                    return 0;
            }
        } catch (UsageException e) {
            err.println("rollback-console: " + e.getMessage());
            err.println();
            err.println(usage());
            return 2;
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "Usage:",
                "  rollback-console                      open the window",
                "  rollback-console --review FILE        open the window on the offline review of FILE",
                "  rollback-console FILE                 the same (how a file manager opens a .json file with it)",
                "  rollback-console --version            print the version",
                "  rollback-console export OPTIONS       write the runbook's affected-records JSON file",
                "  rollback-console validate FILE [--batch-size N] [--write-distinct OUT [--overwrite]]",
                "                                        review an exported file offline: exit 0 only if it may be sent;",
                "                                        \"yes, with caution\" (exit 0) when records repeat (one row per",
                "                                        event) or ids have blank space; --write-distinct writes OUT",
                "                                        with each record once, keeping its first row",
                "  rollback-console diff A B [--only-a FILE] [--only-b FILE] [--both FILE] [--overwrite]",
                "                                        compare two exported files by source system and id",
                "  rollback-console releases --context C --namespace NS [--kubectl PATH]",
                "                                        release history of hmpps-person-record and hmpps-person-match:",
                "                                        Helm's last 10 releases with the ReplicaSets, and where it ends",
                "  rollback-console recluster --context C --namespace NS --file FILE [--batch-size N] [--kubectl PATH]",
                "                           [--pod NAME] [--confirm NS] [--incidents DIR]",
                "                                        send FILE to POST /admin/recluster through a managed port-forward,",
                "                                        batch by batch, following the pod's log; prod needs --confirm NS",
                "                           [--forward-wait S] [--stall-after S] [--taken-within S]",
                "                                        wait up to S seconds for a lost port-forward (default 120); a run",
                "                                        silent S seconds is stalled (180); after a non-2xx answer or none,",
                "                                        watch the log S seconds for the batch's Triggered line (20).",
                "                                        A run that died, stalled or lost its forward exits 1 and writes",
                "                                        records-not-known-done.json with the command to carry on",
                "                           [--bad-release REV|TAG [--bad-deployment hmpps-person-match]]",
                "                           [--send-anyway REASON]",
                "                                        first checks the rollback is live, as the window's Send step:",
                "                                        every pod on the deployment's image, the bad release (REV as",
                "                                        `releases` prints it, or its tag) not running; journalled. In",
                "                                        prod a check that does not pass sends nothing unless REASON says",
                "                                        why (journalled); an asleep deployment sends nothing anywhere",
                "                                        A file whose bytes any incident on this machine is sending or",
                "                                        has sent is refused, naming the incident and its --resume command",
                "  rollback-console recluster --resume INCIDENT-FOLDER --context C [--kubectl PATH] [--pod NAME]",
                "                           [--confirm NS] [--unknown resend|skip] [--send-stalled-rest]",
                "                                        carry on an incident started from the window or the command line:",
                "                                        its own file (SHA-256 checked again), cut as it was; first the",
                "                                        pinned pod's log settles each batch taken but never seen complete",
                "                                        (Complete: done; a run that died or a pod gone: only the records",
                "                                        its log does not prove done are sent), journalled before anything",
                "                                        is sent; then only batches never sent or not taken. A batch nothing",
                "                                        proves needs --unknown resend|skip; the rest of a silent run needs",
                "                                        --send-stalled-rest",
                "  rollback-console outcome INCIDENT-FOLDER [--file FILE] [--manage-ui URL] [--batch-size N]",
                "                           [--host H --port P --database D --user U --sslmode MODE]",
                "                           [--context C --namespace NS [--kubectl PATH]]",
                "                                        after the recluster: what it changed, the business impact, the",
                "                                        sanity check for data science and a path for every cluster left,",
                "                                        from the incident's journal (connection, window, exported file);",
                "                                        journals the figures, writes the files and the report there",
                "",
                "export options:",
                "  --host H --port P --database D --user U   the read replica (password: PGPASSWORD or .pgpass)",
                "  --cutoff TIME                             deployment time of the bad release, e.g. '2025-06-09 13:21:55'",
                "  --since-release REV|TAG --deployment NAME --context C --namespace NS [--kubectl PATH] [--margin-minutes M]",
                "                                            instead of --cutoff: the start of that release (REV as `releases`",
                "                                            prints it, or its image tag)",
                "  --zone ZONE                               zone of TIME when it has no offset: Europe/London (default) or UTC",
                "  --event-clock uk|utc                      the clock event_log.event_timestamp is written in: uk (default,",
                "                                            the service's Europe/London wall clock) or utc; the bounds are",
                "                                            converted into it. Without it, data that looks like UTC is refused",
                "  --max-lag SECONDS [--accept-lag]          refuse when the read replica is more than SECONDS (default 30)",
                "                                            behind its primary; --accept-lag exports up to what it replayed",
                "  --distinct | --per-event                  one row per record (default) or one per event (seed runbook)",
                "  --out FILE                                the JSON file to write (refuses to replace one; --overwrite does)",
                "  --environment local|dev|preprod|prod      default local; prod refuses a primary server",
                "  --sslmode MODE --sslrootcert FILE --tls-server-name NAME   TLS, as in the window's Connect step");
    }
}
