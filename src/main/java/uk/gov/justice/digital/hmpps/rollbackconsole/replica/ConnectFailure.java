package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.util.Objects;

/** Why the console could not (or would not) use the replica, in words the incident lead can act on. */
public final class ConnectFailure extends Exception {

    public enum Kind {
        /** Nothing listens at host:port, or the host name does not resolve. */
        UNREACHABLE,
        /** Something accepted the connection but the database did not answer in time. */
        TIMEOUT,
        /** Wrong password, unknown user, no pg_hba entry, or a user that may not read the tables. */
        AUTH_FAILED,
        /** The TLS handshake or the certificate check failed, or the server offered no TLS when it was required. */
        TLS,
        DATABASE_MISSING,
        /** Connected, but personrecordservice or a table or column the console reads is not there. */
        SCHEMA_MISSING,
        /** Production settings point at a primary: the console reads production only from the read replica. */
        PRIMARY_IN_PROD,
        OTHER
    }

    private final Kind kind;
    private final String whatHappened;
    private final String whatToDo;

    public ConnectFailure(Kind kind, String whatHappened, String whatToDo, Throwable cause) {
        super(whatHappened + " " + whatToDo, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.whatHappened = Objects.requireNonNull(whatHappened, "whatHappened");
        this.whatToDo = Objects.requireNonNull(whatToDo, "whatToDo");
    }

    public Kind kind() {
        return kind;
    }

    public String whatHappened() {
        return whatHappened;
    }

    public String whatToDo() {
        return whatToDo;
    }
}
