package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.NeedsAttentionJob;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.RollbackLiveCheck;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/**
 * The Send step's "is the rollback live?" for {@code rollback-console recluster}: the same {@link RollbackLiveCheck}
 * before anything is sent, printed as a checklist and journalled as the window journals it. In prod a check that does
 * not pass (a rollout in progress, the bad release still running, no bad release named to compare with) stops the
 * command unless {@code --send-anyway REASON} says why it must go, which is journalled as the window's typed reason
 * is; elsewhere it is a warning, as in the window. An asleep deployment stops it anywhere.
 */
final class ReclusterLiveCheck {

    static final String BAD_RELEASE = "--bad-release";
    static final String BAD_DEPLOYMENT = "--bad-deployment";
    static final String SEND_ANYWAY = "--send-anyway";
    /** The options this check reads, taking a value each. */
    static final Set<String> VALUED = Set.of(BAD_RELEASE, BAD_DEPLOYMENT, SEND_ANYWAY);

    private final Optional<String> badRelease;
    private final String badDeployment;
    private final Optional<String> sendAnyway;
    private final String kubectlPath;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    ReclusterLiveCheck(Options o, PrintStream out, PrintStream err, Clock clock) throws UsageException {
        this.badRelease = o.value(BAD_RELEASE).map(String::strip);
        this.badDeployment = o.value(BAD_DEPLOYMENT).map(String::strip).orElse(RollbackLiveCheck.RECORD);
        if (!badDeployment.equals(RollbackLiveCheck.RECORD) && !badDeployment.equals(RollbackLiveCheck.MATCH)) {
            throw new UsageException(BAD_DEPLOYMENT + " is " + RollbackLiveCheck.RECORD + " (the default) or "
                    + RollbackLiveCheck.MATCH + ", not " + badDeployment + ".");
        }
        if (badRelease.map(String::isEmpty).orElse(false)) {
            throw new UsageException(BAD_RELEASE + " takes a REV as `rollback-console releases` prints it, or an image tag.");
        }
        this.sendAnyway = o.value(SEND_ANYWAY).map(String::strip);
        if (sendAnyway.map(String::isEmpty).orElse(false)) {
            throw new UsageException(SEND_ANYWAY + " takes the reason the send must go although the rollback is not"
                    + " shown live, in words, e.g. " + SEND_ANYWAY + " \"old pod terminating, agreed with the on-call lead\".");
        }
        this.kubectlPath = o.value("--kubectl").orElse("kubectl");
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /**
     * Runs the check, prints and journals it (the incident starts here if it has not), and says whether the send may
     * go; when it may not, {@code err} says why and what would let it.
     */
    boolean allows(Kubectl kubectl, Environment environment, String namespace, long records, IncidentRecorder incident)
            throws KubectlException, UsageException {
        Optional<Release> bad = badRelease.isEmpty() ? Optional.empty() : Optional.of(release(kubectl));
        // The job's run is weighed against the send's estimated duration, never less than one batch's, as in the window.
        RollbackLiveCheck.Result result = RollbackLiveCheck.run(kubectl, bad, environment, clock.instant(),
                NeedsAttentionJob.estimate(Math.max(500, records)));
        incident.start(environment);
        // The cluster the command talks to, as the window journals its one cluster target.
        incident.record(JournalEntry.ClusterTargetSet.of(kubectlPath, kubectl.context(), kubectl.namespace()));
        incident.record(new JournalEntry.Decision(DecisionKind.NOTE, null, result.journalText(namespace)));
        out.println("Is the rollback live? (" + namespace + ")");
        for (RollbackLiveCheck.Item item : result.items()) {
            out.println("  " + item.status() + "  " + item.title());
            item.facts().forEach(f -> out.println("        " + f));
        }
        if (result.asleep()) {
            err.println("rollback-console: " + RollbackLiveCheck.RECORD + " in " + namespace + " is asleep (scaled to"
                    + " zero out of hours; it starts again at " + RollbackLiveCheck.WAKES_AT + " on weekdays). Nothing"
                    + " was sent: there is no pod to send to until it is up.");
            return false;
        }
        if (result.passed()) {
            out.println("The rollback is live as far as the cluster shows.");
            return true;
        }
        if (!result.holdsSend(environment)) {
            err.println("Warning: the rollback is not shown live: check the facts above before the batches go (in prod"
                    + " this stops the send unless " + SEND_ANYWAY + " REASON is given).");
            return true;
        }
        if (sendAnyway.isPresent()) {
            incident.record(new JournalEntry.Decision(DecisionKind.CONTINUE_DESPITE_WARNING, null,
                    RollbackLiveCheck.Result.overrideText(sendAnyway.get())));
            err.println("Warning: sending although the rollback is not shown live; the reason is in the journal: "
                    + sendAnyway.get());
            return true;
        }
        err.println("rollback-console: the rollback is not shown live in " + namespace + ", and in prod nothing is sent"
                + " until it is" + (bad.isEmpty() ? " (name the bad release with " + BAD_RELEASE + " REV|TAG ["
                + BAD_DEPLOYMENT + " " + RollbackLiveCheck.MATCH + "] so that it can be compared)" : "")
                + ". Nothing was sent. Check again once it is, or give " + SEND_ANYWAY
                + " REASON to send anyway (the reason is journalled).");
        return false;
    }

    /** The bad release as {@code releases} lists it: its REV, or its image tag when that was deployed once. */
    private Release release(Kubectl kubectl) throws KubectlException, UsageException {
        String wanted = badRelease.orElseThrow();
        List<Release> matching = kubectl.releases(badDeployment).stream().filter(r -> r.revision() > 0
                && Long.toString(r.revision()).equals(wanted) || r.tag().equals(wanted)).toList();
        if (matching.isEmpty()) {
            throw new UsageException(badDeployment + " has no revision or tag " + wanted
                    + ": rollback-console releases lists them, and where its history ends.");
        }
        if (matching.size() > 1) {
            throw new UsageException("the tag " + wanted + " of " + badDeployment + " was deployed more than once"
                    + " (revisions " + String.join(", ", matching.stream().map(r -> Long.toString(r.revision())).toList())
                    + "): give the revision.");
        }
        return matching.get(0);
    }
}
