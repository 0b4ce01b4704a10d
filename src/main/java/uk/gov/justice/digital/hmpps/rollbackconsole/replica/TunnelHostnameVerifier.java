package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.util.Properties;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;

import org.postgresql.ssl.PGjdbcHostnameVerifier;

/**
 * Checks the server certificate against the RDS host name when the console reaches the replica through a
 * port-forward. pgjdbc's verify-full compares the certificate with the host it dialled, which through the relay pod
 * is 127.0.0.1 and never matches; libpq's answer (hostaddr) does not exist in pgjdbc. pgjdbc instantiates the
 * class named by {@code sslhostnameverifier} for each connection, passing the connection properties to a
 * {@code Properties} constructor, so the expected name travels with the connection: no shared state. The
 * matching itself (wildcards, subjectAltName, IP addresses) is pgjdbc's own.
 */
public final class TunnelHostnameVerifier implements HostnameVerifier {

    /** Connection property holding the name the certificate must carry. Unknown to pgjdbc, which ignores it. */
    static final String SERVER_NAME_PROPERTY = "rollbackConsoleTlsServerName";

    private final String expectedName;

    public TunnelHostnameVerifier(Properties connectionProperties) {
        this(connectionProperties == null ? null : connectionProperties.getProperty(SERVER_NAME_PROPERTY));
    }

    TunnelHostnameVerifier(String expectedName) {
        this.expectedName = expectedName == null || expectedName.isBlank() ? null : expectedName.trim();
    }

    @Override
    public boolean verify(String dialledHost, SSLSession session) {
        return PGjdbcHostnameVerifier.INSTANCE.verify(expectedName != null ? expectedName : dialledHost, session);
    }
}
