package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

/**
 * Runbook step 2 made a fact before anything is sent: is the rollback live? Two checks, each with what the cluster
 * said. The rollout is complete: every pod of hmpps-person-record is ready on the deployment's image and none on
 * another image still serves. The release running now is not the bad one picked at the Deployment time step, in
 * whichever deployment it came from (hmpps-person-record or hmpps-person-match). Image tags are shown in full: a tag
 * is not personal data, and a shortened one cannot be compared.
 */
public final class RollbackLiveCheck {

    public static final String RECORD = "hmpps-person-record";
    public static final String MATCH = "hmpps-person-match";
    /** When dev's and preprod's deployments are scaled up again on weekdays (their scheduled downtime). */
    public static final String WAKES_AT = "06:45 UK time";

    public enum Status {
        PASS, FAIL,
        /** The console cannot tell: no bad release was picked. */
        UNKNOWN,
        /** Dev or preprod scaled to zero out of hours: asleep, not broken; nothing can be sent until it wakes. */
        ASLEEP,
        /** Worth knowing before sending, but no reason to hold the send: the needs-attention job due during it. */
        WARN
    }

    public record Item(String title, Status status, List<String> facts) {
        public Item {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
            facts = List.copyOf(facts);
        }
    }

    /** @param image the full image hmpps-person-record's deployment runs; empty when it could not be read */
    public record Result(Instant at, String image, List<Item> items) {
        public Result {
            items = List.copyOf(items);
        }

        /** Every check passed (a warning holds nothing): the rollback is live as far as the cluster shows. */
        public boolean passed() {
            return items.stream().allMatch(i -> i.status() == Status.PASS || i.status() == Status.WARN);
        }

        public boolean asleep() {
            return items.stream().anyMatch(i -> i.status() == Status.ASLEEP);
        }

        /**
         * Whether this result holds a send to {@code environment}, unless overridden with a reason: in prod until
         * every check passes (a release the console could not compare included), as the window's Send button does.
         * An asleep deployment holds it anywhere, and no reason lifts that: there is no pod to send to.
         */
        public boolean holdsSend(Environment environment) {
            return asleep() || environment == Environment.PROD && !passed();
        }

        /** What the journal keeps of the check, the window's and the command line's alike. */
        public String journalText(String namespace) {
            return "Rollback live check in " + namespace + ": "
                    + (passed() ? "passed" : asleep() ? "asleep" : "NOT passed") + "\n" + summary();
        }

        /** The decision journalled when a send goes although the check did not pass. */
        public static String overrideText(String reason) {
            return "Sending although the rollback is not shown live: " + reason;
        }

        /** One line per check, for the journal and the report. */
        public String summary() {
            List<String> lines = new ArrayList<>();
            for (Item i : items) {
                lines.add(i.status() + ": " + i.title() + " (" + String.join("; ", i.facts()) + ")");
            }
            return String.join("\n", lines);
        }
    }

    private RollbackLiveCheck() {
    }

    /**
     * Reads both deployments and their pods with {@code kubectl} and checks them against the bad release.
     *
     * @param bad the release picked as the bad one; empty when the deployment time was typed
     */
    public static Result run(Kubectl kubectl, Optional<Release> bad, Environment environment, Instant now)
            throws KubectlException {
        return run(kubectl, bad, environment, now, Duration.ZERO);
    }

    /** As {@link #run(Kubectl, Optional, Environment, Instant)}, and whether the needs-attention job is due during a
     * recluster starting now and lasting about {@code estimated}. */
    public static Result run(Kubectl kubectl, Optional<Release> bad, Environment environment, Instant now,
                             Duration estimated) throws KubectlException {
        DeploymentInfo record = kubectl.deployment(RECORD);
        List<PodInfo> recordPods = replicaPods(kubectl, record);
        List<Item> items = new ArrayList<>();
        items.add(rollout(record, recordPods, environment));

        Optional<DeploymentInfo> match = optional(kubectl, MATCH);
        items.add(notTheBadRelease(kubectl, bad, record, recordPods, match));
        if (!estimated.isZero()) {
            items.add(job(kubectl, now, estimated));
        }
        return new Result(now, record.image(), items);
    }

    private static Item rollout(DeploymentInfo d, List<PodInfo> pods, Environment environment) {
        String title = "The rollout of " + d.name() + " is complete";
        List<String> facts = new ArrayList<>();
        facts.add("the deployment runs " + (d.image().isEmpty() ? "no image" : d.image()));
        if (d.replicas() == 0) {
            // A rehearsal practises dev's and preprod's scheduled downtime when its options put it to sleep.
            if (environment == Environment.DEV || environment == Environment.PREPROD || environment == Environment.REHEARSAL) {
                facts.add("0 replicas: " + environment.label() + " is scaled to zero out of hours and starts again at "
                        + WAKES_AT + " on weekdays; asleep, not broken. Nothing can be sent until it is up");
                return new Item(title, Status.ASLEEP, facts);
            }
            facts.add("0 replicas: no pod can take the recluster");
            return new Item(title, Status.FAIL, facts);
        }
        List<PodInfo> onImage = pods.stream().filter(p -> p.image().equals(d.image()) && p.canServe()).toList();
        List<PodInfo> older = pods.stream().filter(p -> !p.image().equals(d.image()) && "Running".equals(p.phase())).toList();
        facts.add(onImage.size() + " of " + d.replicas() + " pods ready on it");
        for (PodInfo p : older) {
            facts.add("pod " + p.name() + " still runs " + Release.tagOf(p.image()) + (p.ready() ? ", ready" : ", not ready")
                    + (p.terminating() ? ", terminating" : ""));
        }
        boolean complete = older.isEmpty() && onImage.size() >= d.replicas();
        if (!complete) {
            facts.add("rollout in progress: wait until every pod runs the deployment's image, then check again");
        }
        return new Item(title, complete ? Status.PASS : Status.FAIL, facts);
    }

    private static Item notTheBadRelease(Kubectl kubectl, Optional<Release> bad, DeploymentInfo record,
                                         List<PodInfo> recordPods, Optional<DeploymentInfo> match) throws KubectlException {
        List<String> facts = new ArrayList<>();
        facts.add(RECORD + " runs " + Release.tagOf(record.image()));
        facts.add(match.map(m -> MATCH + " runs " + Release.tagOf(m.image())).orElse(MATCH + " is not in this namespace"));
        if (bad.isEmpty()) {
            facts.add("no release was picked at the Deployment time step (the time was typed): compare these tags with"
                    + " the bad release yourself");
            return new Item("The release running now is not the bad one", Status.UNKNOWN, facts);
        }
        Release b = bad.get();
        String title = "The release running now is not the bad one (" + b.deployment() + " revision " + b.revision()
                + ", " + b.tag() + ")";
        DeploymentInfo target;
        List<PodInfo> pods;
        if (b.deployment().equals(MATCH)) {
            if (match.isEmpty()) {
                facts.add("the bad release was " + MATCH + "'s, and that deployment cannot be read here");
                return new Item(title, Status.UNKNOWN, facts);
            }
            target = match.get();
            pods = replicaPods(kubectl, target);
            facts.add("the bad release was " + MATCH + "'s: its rollback is the one checked");
        } else {
            target = record;
            pods = recordPods;
        }
        boolean deploymentOnBad = Release.tagOf(target.image()).equals(b.tag());
        List<PodInfo> podsOnBad = pods.stream()
                .filter(p -> Release.tagOf(p.image()).equals(b.tag()) && "Running".equals(p.phase())).toList();
        if (deploymentOnBad) {
            facts.add(target.name() + "'s deployment still runs the bad release: roll back first (runbook step 2)");
        }
        for (PodInfo p : podsOnBad) {
            facts.add("pod " + p.name() + " still runs the bad release");
        }
        return new Item(title, deploymentOnBad || !podsOnBad.isEmpty() ? Status.FAIL : Status.PASS, facts);
    }

    private static Item job(Kubectl kubectl, Instant now, Duration estimated) {
        String title = "The needs-attention job does not run during the send";
        Optional<NeedsAttentionJob> job;
        try {
            job = kubectl.needsAttentionJob();
        } catch (KubectlException e) {
            return new Item(title, Status.WARN, List.of("its CronJob " + NeedsAttentionJob.NAME + " could not be read: "
                    + e.getMessage().lines().findFirst().orElse("")));
        }
        if (job.isEmpty()) {
            return new Item(title, Status.PASS, List.of("there is no CronJob " + NeedsAttentionJob.NAME + " here"));
        }
        NeedsAttentionJob j = job.get();
        List<String> facts = new ArrayList<>();
        // A clock a person reads: "UTC", not the offset's id "Z"; times as the rest of the check says them.
        String clock = j.zone().normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : j.zone().getId();
        facts.add("schedule " + j.schedule() + " in " + clock + (j.suspended() ? ", suspended" : "")
                + (j.lastScheduled() == null ? ", never run" : ", last run " + NeedsAttentionJob.when(j.lastScheduled())));
        Optional<String> overlap = j.overlap(now, estimated);
        overlap.ifPresent(facts::add);
        if (overlap.isEmpty()) {
            facts.add(j.nextRun(now).map(n -> "next run " + NeedsAttentionJob.when(n)
                    + ", after the estimated end of the send").orElse("no run due"));
        }
        return new Item(title, overlap.isPresent() ? Status.WARN : Status.PASS, facts);
    }

    // The deployment's own pods: a CronJob's pods may carry the same labels and are left out.
    private static List<PodInfo> replicaPods(Kubectl kubectl, DeploymentInfo d) throws KubectlException {
        return kubectl.pods(d.selector()).stream().filter(p -> "ReplicaSet".equals(p.ownerKind())).toList();
    }

    private static Optional<DeploymentInfo> optional(Kubectl kubectl, String name) throws KubectlException {
        try {
            return Optional.of(kubectl.deployment(name));
        } catch (KubectlException e) {
            if (e.reason() == KubectlException.Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
