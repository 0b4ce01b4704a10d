package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.util.List;
import java.util.Objects;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

/**
 * The read replica's address and credentials as the namespaces hold them. The replica's secret always holds its
 * address; in dev it holds the database name, user and password too, but in preprod and prod those are only in the
 * primary's secret (the same user exists on the replica). The address is always the replica's: never the primary's.
 */
public final class ReplicaSecrets {

    /** The replica's secret: {@code rds_instance_address} (and, in dev, the credentials). */
    public static final String REPLICA = "hmpps-person-record-rds-read-replica-instance-output";
    /** The primary's secret: in preprod and prod the only one with the database name, user and password. */
    public static final String PRIMARY = "hmpps-person-record-rds-instance-output";

    static final String ADDRESS = "rds_instance_address";
    static final List<String> CREDENTIAL_KEYS = List.of("database_name", "database_username", "database_password");

    private ReplicaSecrets() {
    }

    /**
     * What the form needs, and which secret each part came from. Held in memory only; {@link #toString()} shows
     * no value.
     */
    public record Credentials(String address, String database, String user, String password, String credentialsSecret) {
        public Credentials {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(credentialsSecret, "credentialsSecret");
        }

        @Override
        public String toString() {
            return "Credentials[address from " + REPLICA + ", user and password from " + credentialsSecret + "]";
        }
    }

    /** The secret that holds the user, password and database name in an environment's namespace. */
    public static String credentialsSecret(Environment environment) {
        return environment == Environment.PREPROD || environment == Environment.PROD ? PRIMARY : REPLICA;
    }

    /**
     * Reads the replica's secret, and the primary's only for the credentials the replica's lacks. A missing
     * address is an error: the primary's address is never a stand-in for it.
     */
    public static Credentials read(Kubectl kubectl) throws KubectlException {
        KubeSecret replica = named(kubectl, REPLICA, "the read replica's address");
        try {
            String address = replica.text(ADDRESS).filter(s -> !s.isBlank()).orElseThrow(() -> new KubectlException(
                    KubectlException.Reason.UNEXPECTED_OUTPUT, "The secret " + REPLICA + " in " + kubectl.namespace()
                    + " has no " + ADDRESS + ": the read replica's address cannot be known from the cluster. Type it as"
                    + " the certificate host (never the primary's address).", ""));
            if (CREDENTIAL_KEYS.stream().allMatch(k -> replica.text(k).filter(s -> !s.isEmpty()).isPresent())) {
                return new Credentials(address, replica.text("database_name").get(), replica.text("database_username").get(),
                        replica.text("database_password").get(), REPLICA);
            }
            KubeSecret primary = named(kubectl, PRIMARY, "the database name, user and password (the replica's secret "
                    + REPLICA + " holds only its address here)");
            try {
                List<String> missing = CREDENTIAL_KEYS.stream()
                        .filter(k -> primary.text(k).filter(s -> !s.isEmpty()).isEmpty()).toList();
                if (!missing.isEmpty()) {
                    throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT, "Neither " + REPLICA
                            + " nor " + PRIMARY + " in " + kubectl.namespace() + " holds " + String.join(", ", missing)
                            + ": type them in the form.", "");
                }
                return new Credentials(address, primary.text("database_name").get(), primary.text("database_username").get(),
                        primary.text("database_password").get(), PRIMARY);
            } finally {
                primary.wipe();
            }
        } finally {
            replica.wipe();
        }
    }

    private static KubeSecret named(Kubectl kubectl, String name, String forWhat) throws KubectlException {
        try {
            return kubectl.secret(name);
        } catch (KubectlException e) {
            String why = switch (e.reason()) {
                case NOT_FOUND -> "There is no secret " + name + " in " + kubectl.namespace();
                case FORBIDDEN -> "Your account may not read the secret " + name + " in " + kubectl.namespace();
                default -> "The secret " + name + " in " + kubectl.namespace() + " could not be read";
            };
            throw new KubectlException(e.reason(), why + "; it holds " + forWhat + ". Untick \"read the secrets\" and"
                    + " type the values, or ask for access." + (e.kubectlSaid().isEmpty() ? "" : "\nkubectl said: "
                    + e.kubectlSaid()), e.kubectlSaid());
        }
    }
}
