package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;

/** Which revision of the rollout history was the bad release, and how long it ran. */
public final class BadRelease {

    /** A cutoff taken from a release less a margin lies a little before its creation; a typed one a little after. */
    static final Duration SLACK = Duration.ofHours(2);

    private BadRelease() {
    }

    /**
     * The revision that was running at the cutoff: the latest created at or before it (or created within
     * {@link #SLACK} after it, for a cutoff set a little early). Empty when the history no longer reaches back.
     */
    public static Optional<BusinessImpact.ReleaseSpan> at(List<Release> releases, Instant cutoff) {
        Optional<Release> running = releases.stream().filter(r -> !r.created().isAfter(cutoff))
                .max(Comparator.comparing(Release::created));
        Optional<Release> justAfter = releases.stream().filter(r -> r.created().isAfter(cutoff)
                        && !r.created().isAfter(cutoff.plus(SLACK)))
                .min(Comparator.comparing(Release::created));
        Optional<Release> bad = justAfter.isPresent() ? justAfter : running;
        return bad.map(BadRelease::span);
    }

    /**
     * The release the lead picked as the bad one (Deployment time, from the cluster), found again in a history
     * read now, when it has ended since; else the one running at the cutoff.
     */
    public static Optional<BusinessImpact.ReleaseSpan> picked(List<Release> releases, Release picked, Instant cutoff) {
        if (picked != null) {
            Optional<Release> again = releases.stream().filter(r -> r.deployment().equals(picked.deployment())
                    && r.revision() == picked.revision() && r.created().equals(picked.created())).findFirst();
            if (again.isPresent()) {
                return again.map(BadRelease::span);
            }
        }
        return at(releases, cutoff);
    }

    public static BusinessImpact.ReleaseSpan span(Release r) {
        return new BusinessImpact.ReleaseSpan(r.deployment() + " revision " + r.revision()
                + (r.tag().isEmpty() ? "" : " (" + r.tag() + ")"), r.created(),
                r.current() || r.ranFor() == null ? Optional.empty() : Optional.of(r.created().plus(r.ranFor())));
    }
}
