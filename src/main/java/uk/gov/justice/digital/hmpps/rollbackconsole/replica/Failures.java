package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure.Kind;

/**
 * Turns pgjdbc's exceptions into what happened and what to do. SQLState and the exception's causes decide where they
 * can; pgjdbc's own messages (English unless the JVM's locale translates them) only where nothing else tells the
 * cases apart.
 */
final class Failures {

    private Failures() {
    }

    static ConnectFailure classify(SQLException e, ConnectionSettings s, Timeouts timeouts, long elapsedMillis) {
        String state = nullToEmpty(e.getSQLState());
        String message = nullToEmpty(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String where = s.endpoint();
        String reason = firstLine(message);

        if (hasCause(e, UnknownHostException.class)) {
            return new ConnectFailure(Kind.UNREACHABLE, "The host name " + s.host() + " could not be resolved.",
                    "Check the host: through a port-forward it is 127.0.0.1.", e);
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, NoRouteToHostException.class)) {
            return new ConnectFailure(Kind.UNREACHABLE, "Nothing is accepting connections at " + where + ".",
                    SslMode.isLoopback(s.host()) ? startTheForward(s) : "Check the host and port, and that this"
                            + " machine can reach them, then connect again.", e);
        }
        if (hasCause(e, SocketTimeoutException.class) || lower.contains("timed out")
                || ("08001".equals(state) && e.getCause() == null
                    && elapsedMillis >= timeouts.loginSeconds() * 1000L - 500)) {
            boolean duringConnect = lower.contains("connect timed out") || causeMessageContains(e, "connect timed out");
            return new ConnectFailure(Kind.TIMEOUT, duringConnect
                    ? where + " did not accept a connection within " + timeouts.connectSeconds() + " seconds."
                    : where + " did not complete the login within " + timeouts.loginSeconds() + " seconds.",
                    SslMode.isLoopback(s.host())
                            ? "The port-forward may be stale or pointing at a pod that is gone: stop it, start it"
                              + " again (" + forwardCommand(s) + ") and connect again."
                            : "Check that this machine can reach " + where + " (VPN, firewall) and connect again.", e);
        }
        if (isTls(e, s, lower)) {
            return tlsFailure(e, s, reason, lower);
        }
        if (state.equals("28P01") || state.equals("28000") || lower.contains("password")) {
            String what = state.equals("28P01")
                    ? "The replica refused the password for user " + s.user() + " (28P01)."
                    : s.hasPassword() || state.startsWith("28")
                        ? "The replica refused the login of user " + s.user() + ": " + reason
                        : "The replica asks for a password for user " + s.user() + " and none was given or found"
                          + " in .pgpass.";
            return new ConnectFailure(Kind.AUTH_FAILED, what,
                    "Take database_username and database_password from the secret"
                            + " hmpps-person-record-rds-read-replica-instance-output in " + ReplicaChecks.namespace(s)
                            + " (or put them in .pgpass) and connect again.", e);
        }
        if (state.equals("3D000")) {
            return new ConnectFailure(Kind.DATABASE_MISSING,
                    "There is no database " + s.database() + " at " + where + " (3D000).",
                    "Use database_name from the secret hmpps-person-record-rds-read-replica-instance-output in "
                            + ReplicaChecks.namespace(s) + ".", e);
        }
        return new ConnectFailure(Kind.OTHER,
                "Connecting to " + where + " failed" + (state.isEmpty() ? "" : " (" + state + ")") + ": " + reason,
                "Check the connection settings and connect again.", e);
    }

    private static boolean isTls(SQLException e, ConnectionSettings s, String lower) {
        if (nullToEmpty(e.getSQLState()).startsWith("28")) {
            // pg_hba said no: about TLS only when it wanted encryption the connection did not have
            return lower.contains("no encryption") || lower.contains("ssl off");
        }
        if (hasCause(e, SSLException.class) || hasCause(e, CertificateException.class)
                || hasCause(e, GeneralSecurityException.class)) {
            return true;
        }
        if (lower.contains("ssl") || lower.contains("certificate") || lower.contains("hostnameverifier")) {
            return true;
        }
        // 08004 without a password in sight is pgjdbc's "the server does not support SSL" in any language.
        return s.sslMode().requiresTls() && "08004".equals(e.getSQLState()) && !lower.contains("password");
    }

    private static ConnectFailure tlsFailure(SQLException e, ConnectionSettings s, String reason, String lower) {
        String what;
        String todo;
        if (lower.contains("does not support ssl")
                || (s.sslMode().requiresTls() && "08004".equals(e.getSQLState()))) {
            what = s.endpoint() + " does not offer TLS, and sslmode " + s.sslMode().pgValue() + " requires it.";
            todo = SslMode.isLoopback(s.host())
                    ? "If this is a local database, choose sslmode prefer or disable; the replica always offers TLS,"
                      + " so check that the port-forward reaches it."
                    : "Check the host and port: the replica always offers TLS.";
        } else if (lower.contains("no encryption") || lower.contains("ssl off")) {
            what = "The replica accepts only TLS connections: " + reason;
            todo = "Choose sslmode verify-full with the RDS CA bundle.";
        } else if (lower.contains("hostname") || lower.contains("hostnameverifier")) {
            String name = s.tlsServerName() != null ? s.tlsServerName() : s.host();
            what = "The replica's certificate does not name " + name + ".";
            todo = s.tlsServerName() == null && SslMode.isLoopback(s.host())
                    ? "Through a port-forward, give the RDS host name (rds_instance_address in the secret"
                      + " hmpps-person-record-rds-read-replica-instance-output) as the certificate name."
                    : "Give the RDS host name the certificate carries (rds_instance_address in the secret"
                      + " hmpps-person-record-rds-read-replica-instance-output).";
        } else if (lower.contains("root certificate") || lower.contains("sslrootcert")) {
            what = "The CA bundle could not be read: " + reason;
            todo = "Choose the RDS CA bundle file (global-bundle.pem from AWS), or ~/.postgresql/root.crt.";
        } else {
            what = "The TLS handshake with " + s.endpoint() + " failed: " + reason;
            todo = s.sslMode().verifiesCertificate()
                    ? "Check that the CA bundle is the RDS one for this region (global-bundle.pem) and connect again."
                    : "Check the TLS settings and connect again.";
        }
        return new ConnectFailure(Kind.TLS, what, todo, e);
    }

    private static String startTheForward(ConnectionSettings s) {
        return "Start the port-forward to the replica (" + forwardCommand(s) + ") and check that the port matches,"
                + " then connect again.";
    }

    private static String forwardCommand(ConnectionSettings s) {
        return "kubectl -n " + s.environment().namespace().orElse("NAMESPACE") + " port-forward port-forward-pod "
                + s.port() + ":5432";
    }

    static String describe(SQLException e) {
        if (e instanceof UnexpectedRowException) {
            return e.getMessage();
        }
        String state = nullToEmpty(e.getSQLState());
        String message = nullToEmpty(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String nothing = " Nothing was written;";
        if (hasCause(e, SocketTimeoutException.class)) {
            return "The replica stopped answering and the console gave up waiting (socket timeout)." + nothing
                    + " check the port-forward and run it again.";
        }
        if (state.equals("57P01") || lower.contains("terminating connection due to administrator command")) {
            return "The replica ended the query: the connection was terminated by the server (57P01)." + nothing
                    + " run the preview again.";
        }
        if (state.equals("57P02") || state.equals("57P03")) {
            return "The replica is shutting down or restarting (" + state + ")." + nothing
                    + " wait until it is back and run it again.";
        }
        if (state.equals("40001") && lower.contains("recovery")) {
            return "The replica cancelled the query because replication from the primary needed the rows it was"
                    + " reading (40001, conflict with recovery)." + nothing
                    + " run it again; a later cutoff reads less.";
        }
        if (state.equals("57014")) {
            return "The replica cancelled the query (57014: a cancel request or a statement timeout)." + nothing
                    + " run it again.";
        }
        if (state.equals("25006") || state.equals("25001")) {
            return "The replica refused to write (" + state + "): the console's connections are read-only."
                    + " Nothing was written.";
        }
        if (e instanceof SQLTransientConnectionException && !hasCause(e, SQLException.class, 1)) {
            return "No connection to the replica could be had in time: the pool's connections are busy or the link"
                    + " is down." + nothing + " check the port-forward and run it again.";
        }
        if (state.startsWith("08") || lower.contains("i/o error")) {
            return "The connection to the replica was lost (" + (state.isEmpty() ? "I/O error" : state) + ")."
                    + nothing + " check the port-forward and run it again.";
        }
        if (state.startsWith("53")) {
            return "The replica ran short of resources (" + state + ": " + firstLine(message) + ")." + nothing
                    + " try again later.";
        }
        if (state.equals("42P01") || state.equals("42703") || state.equals("3F000")) {
            return "The replica's schema no longer has what the console reads (" + state + ": "
                    + firstLine(message) + ")." + nothing + " reconnect to check it.";
        }
        return "The replica reported an error" + (state.isEmpty() ? "" : " (" + state + ")") + ": "
                + firstLine(message) + "." + nothing + " run it again.";
    }

    private static boolean causeMessageContains(Throwable t, String text) {
        for (Throwable c = t.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().toLowerCase(Locale.ROOT).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cause (not t itself) from {@code depth} levels down is of the type. */
    private static boolean hasCause(Throwable t, Class<? extends Throwable> type, int depth) {
        Throwable c = t;
        for (int i = 0; i < depth && c != null; i++) {
            c = c.getCause();
        }
        return c != null && hasCause(c, type);
    }

    static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        String line = message.strip();
        int nl = line.indexOf('\n');
        line = nl < 0 ? line : line.substring(0, nl).strip();
        while (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
