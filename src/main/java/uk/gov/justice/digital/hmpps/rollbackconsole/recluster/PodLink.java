package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;

/**
 * The two links a recluster run keeps to its pod, made the same way for the window and the command line: a kept
 * port-forward that is UP only while {@code GET /health} answers UP through it, and a follow of the pod's log from
 * just before the first send (the log holds earlier runs too; kubectl's {@code --since-time} rounds down).
 */
public final class PodLink {

    private PodLink() {
    }

    public static PortForward forward(Kubectl kubectl, String pod, ReclusterClient client,
                                      Consumer<PortForward.State> listener, Clock clock) {
        return PortForward.start(kubectl, pod, PortForward.Options.DEFAULT, port -> {
            Health h = client.health(URI.create("http://127.0.0.1:" + port));
            return h.isUp() ? Optional.empty() : Optional.of("GET /health: " + h.detail());
        }, listener, clock);
    }

    public static LogFollow followFromNow(Kubectl kubectl, String pod, Clock clock, Consumer<LogFollow.Status> listener) {
        return LogFollow.start(kubectl, pod, clock.instant().minusSeconds(1), LogFollow.Options.DEFAULT, listener);
    }
}
