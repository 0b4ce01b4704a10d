package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ReplicaSecrets;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure;

/**
 * What to do after a refused login or a missing database, naming the secret that really holds the credentials: in
 * preprod and prod the read replica's secret holds only its address, and the user, password and database name are
 * in the primary's secret (the same user exists on the replica).
 */
final class CredentialsHint {

    private CredentialsHint() {
    }

    static String whatToDo(ConnectFailure failure, Environment environment) {
        String secret = ReplicaSecrets.credentialsSecret(environment);
        if (secret.equals(ReplicaSecrets.REPLICA) || environment.namespace().isEmpty()) {
            return failure.whatToDo();
        }
        String where = " in the secret " + secret + " in " + environment.namespace().get() + " (in " + environment.label()
                + " the replica's own secret " + ReplicaSecrets.REPLICA + " holds only its address; the same user exists"
                + " on the replica)";
        return switch (failure.kind()) {
            case AUTH_FAILED -> "Take database_username and database_password" + where + ", or put them in .pgpass, and"
                    + " connect again.";
            case DATABASE_MISSING -> "Use database_name" + where + ".";
            default -> failure.whatToDo();
        };
    }
}
