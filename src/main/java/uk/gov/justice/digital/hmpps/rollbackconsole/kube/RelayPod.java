package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A relay pod (image ministryofjustice/port-forward) and what it relays to. Cloud Platform's guide starts one with
 * {@code --env REMOTE_HOST=<database address>}, so the pod's own spec says which database it reaches. Two live in
 * the namespace: {@code person-record-port-forward-pod} for this database and {@code person-match-port-forward-pod}
 * for hmpps-person-match's, a different database that sorts first.
 *
 * @param remoteHost the REMOTE_HOST the pod relays to; empty when the pod does not say
 * @param remotePort the REMOTE_PORT; empty when the pod does not say
 */
public record RelayPod(PodInfo pod, String remoteHost, String remotePort) {

    public static final String PERSON_RECORD = "person-record-port-forward-pod";
    public static final String GENERIC = "port-forward-pod";

    public RelayPod {
        Objects.requireNonNull(pod, "pod");
        remoteHost = remoteHost == null ? "" : remoteHost;
        remotePort = remotePort == null ? "" : remotePort;
    }

    public String name() {
        return pod.name();
    }

    /** hmpps-person-match's relay: it reaches another service's database and is never the one to use here. */
    public boolean isPersonMatch() {
        return pod.name().contains("person-match");
    }

    /** What the pod relays to, in words for a list: its remote host, and whose database that is when known. */
    public String relaysTo() {
        String target = remoteHost.isEmpty() ? "an address it does not state"
                : remoteHost + (remotePort.isEmpty() ? "" : ":" + remotePort);
        return isPersonMatch() ? target + " (hmpps-person-match's database, not this one)" : target;
    }

    /**
     * The relay to preselect: {@code person-record-port-forward-pod}, else {@code port-forward-pod}, else any other
     * that is not person-match's. Never person-match's, whatever the order kubectl lists them in.
     */
    public static Optional<RelayPod> preferred(List<RelayPod> candidates) {
        for (String name : List.of(PERSON_RECORD, GENERIC)) {
            for (RelayPod r : candidates) {
                if (r.name().equals(name)) {
                    return Optional.of(r);
                }
            }
        }
        return candidates.stream().filter(r -> !r.isPersonMatch()).findFirst();
    }
}
