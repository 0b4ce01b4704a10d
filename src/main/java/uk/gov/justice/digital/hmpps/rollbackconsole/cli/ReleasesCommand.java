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
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ReleaseHistory;

/**
 * {@code rollback-console releases}: the release history of both deployments that can damage clusters (Helm's
 * records of the last 10 deploys, merged with the ReplicaSets), so that the bad release's start is read off the
 * cluster instead of typed from memory, and where that history ends.
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
                ReleaseHistory history = kubectl.releaseHistory(deployment);
                out.println(deployment + " (context " + kubectl.context() + ", namespace " + kubectl.namespace() + "): "
                        + (history.fromHelm() ? "REV is Helm's revision" : "REV is the deployment's revision"));
                out.printf(Locale.UK, "  %-4s %-28s %-11s %-20s %-24s %-22s %s%n", "REV", "RELEASE", "STATUS",
                        "STARTED (UTC)", "STARTED (UK)", "RAN FOR", "KEPT BY");
                for (Release r : history.releases()) {
                    out.printf(Locale.UK, "  %-4s %-28s %-11s %-20s %-24s %-22s %s%n",
                            r.revision() == 0 ? "-" : Long.toString(r.revision()), r.tag(),
                            r.status().isEmpty() ? "-" : r.status(), UTC.format(r.created()), LONDON.format(r.created()),
                            r.current() ? "running now (" + r.replicas() + " pods)" : r.ranForText(), keptBy(r));
                }
                out.println("  " + history.end());
                out.println();
            }
            out.println("A release's cutoff is its start in UTC: "
                    + "rollback-console export --since-release REV-or-TAG --deployment NAME ...");
            return 0;
        } catch (KubectlException e) {
            err.println("rollback-console: " + e.getMessage());
            return 1;
        }
    }

    private static String keptBy(Release r) {
        return r.kept().words() + (r.deploymentRevision() > 0 && r.kept() != Release.Kept.REPLICA_SET
                ? " (deployment revision " + r.deploymentRevision() + ")" : "");
    }

    static Kubectl kubectl(Options o) throws UsageException {
        return new Kubectl(Path.of(o.value("--kubectl").orElse("kubectl")), o.required("--context"), o.required("--namespace"));
    }
}
