package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

/**
 * Where and how to reach the read replica.
 *
 * @param password      null or empty: pgjdbc reads .pgpass (or the file PGPASSFILE names) itself. The console
 *                      copies it on connect, so the caller may wipe this array afterwards.
 * @param caBundle      the CA certificates to trust (sslrootcert), e.g. the RDS global bundle; null for pgjdbc's
 *                      default (~/.postgresql/root.crt)
 * @param tlsServerName the host name the server certificate must name when {@code host} is the local end of a
 *                      port-forward (the certificate names the RDS instance, never 127.0.0.1); null to check
 *                      {@code host} itself
 */
public record ConnectionSettings(String host, int port, String database, String user, char[] password,
                                 Environment environment, SslMode sslMode, Path caBundle, String tlsServerName) {

    public ConnectionSettings {
        requireText(host, "host");
        requireText(database, "database");
        requireText(user, "user");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(sslMode, "sslMode");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
        host = host.trim();
        if (tlsServerName != null && tlsServerName.isBlank()) {
            tlsServerName = null;
        }
    }

    public boolean hasPassword() {
        return password != null && password.length > 0;
    }

    public String endpoint() {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    public ConnectionSettings withDatabase(String otherDatabase) {
        return new ConnectionSettings(host, port, otherDatabase, user, password, environment, sslMode, caBundle,
                tlsServerName);
    }

    public ConnectionSettings withEnvironment(Environment otherEnvironment) {
        return new ConnectionSettings(host, port, database, user, password, otherEnvironment, sslMode, caBundle,
                tlsServerName);
    }

    public ConnectionSettings withPassword(char[] otherPassword) {
        return new ConnectionSettings(host, port, database, user, otherPassword, environment, sslMode, caBundle,
                tlsServerName);
    }

    public ConnectionSettings withTls(SslMode otherSslMode, Path otherCaBundle, String otherTlsServerName) {
        return new ConnectionSettings(host, port, database, user, password, environment, otherSslMode, otherCaBundle,
                otherTlsServerName);
    }

    // Arrays compare by content; the default record equality would compare the password by identity.
    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionSettings other
                && port == other.port
                && host.equals(other.host)
                && database.equals(other.database)
                && user.equals(other.user)
                && Arrays.equals(password, other.password)
                && environment == other.environment
                && sslMode == other.sslMode
                && Objects.equals(caBundle, other.caBundle)
                && Objects.equals(tlsServerName, other.tlsServerName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, user, environment, sslMode, caBundle, tlsServerName);
    }

    /** Never shows the password, only whether one was given. */
    @Override
    public String toString() {
        return "ConnectionSettings[" + user + "@" + endpoint() + "/" + database
                + ", environment=" + environment.label()
                + ", password=" + (hasPassword() ? "given" : "from .pgpass")
                + ", sslmode=" + sslMode.pgValue()
                + (caBundle == null ? "" : ", sslrootcert=" + caBundle)
                + (tlsServerName == null ? "" : ", certificate name=" + tlsServerName)
                + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }
}
