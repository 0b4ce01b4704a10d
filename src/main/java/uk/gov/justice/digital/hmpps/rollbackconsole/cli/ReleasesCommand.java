package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;

/**
 * {@code rollback-console releases}: the rollout history of both deployments that can damage clusters, so that the
 * bad release's start is read off the cluster instead of typed from memory.
 */
final class ReleasesCommand {

    /** The two services whose releases can leave clusters wrong; they share a namespace. */
    static final List<String> DEPLOYMENTS = List.of("hmpps-person-record", "hmpps-person-match");

    private static final Set<String> VALUED = Set.of("--context", "--namespace", "--kubectl");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LONDON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final PrintStream out;
    private final PrintStream err;

    ReleasesCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException {
        Options o = Options.parse(args, VALUED, Set.of());
        try (Kubectl kubectl = kubectl(o)) {
            for (String deployment : DEPLOYMENTS) {
                out.println(deployment + " (context " + kubectl.context() + ", namespace " + kubectl.namespace() + ")");
                out.printf(Locale.UK, "  %-4s %-28s %-20s %-24s %s%n", "REV", "RELEASE", "CREATED (UTC)", "CREATED (UK)", "RAN FOR");
                for (Release r : kubectl.releases(deployment)) {
                    out.printf(Locale.UK, "  %-4d %-28s %-20s %-24s %s%n", r.revision(), r.tag(), UTC.format(r.created()),
                            LONDON.format(r.created()), r.current() ? "running now (" + r.replicas() + " pods)" : r.ranForText());
                }
                out.println();
            }
            out.println("A revision's cutoff is its creation time in UTC: "
                    + "rollback-console export --since-release REVISION --deployment NAME ...");
            return 0;
        } catch (KubectlException e) {
            err.println("rollback-console: " + e.getMessage());
            return 1;
        }
    }

    static Kubectl kubectl(Options o) throws UsageException {
        return new Kubectl(Path.of(o.value("--kubectl").orElse("kubectl")), o.required("--context"), o.required("--namespace"));
    }
}
