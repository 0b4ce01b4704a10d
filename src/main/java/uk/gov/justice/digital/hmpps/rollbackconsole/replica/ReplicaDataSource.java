package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.postgresql.Driver;

/**
 * Opens read-only pgjdbc connections for the pool. It exists so that the password is held as a char[] and turned
 * into a String (which pgjdbc needs) only for the moment a connection is opened: pgjdbc's and Hikari's own data
 * sources keep it as a String for the pool's lifetime. Custom connection properties (the tunnel's certificate name)
 * also reach pgjdbc only by this route.
 */
final class ReplicaDataSource implements DataSource {

    static final String APPLICATION_NAME = "rollback-console";
    static final String SCHEMA = "personrecordservice";

    private final Driver driver = new Driver();
    private final String url;
    private final Properties properties;
    private final char[] password;

    ReplicaDataSource(ConnectionSettings settings, Timeouts timeouts) {
        this.url = "jdbc:postgresql://" + settings.endpoint() + "/"
                + URLEncoder.encode(settings.database(), StandardCharsets.UTF_8).replace("+", "%20");
        this.properties = properties(settings, timeouts);
        this.password = settings.hasPassword() ? settings.password().clone() : null;
    }

    private static Properties properties(ConnectionSettings settings, Timeouts timeouts) {
        Properties p = new Properties();
        p.setProperty("user", settings.user());
        p.setProperty("ApplicationName", APPLICATION_NAME);
        p.setProperty("currentSchema", SCHEMA);
        // Layers, so that a write fails even if one is bypassed: the driver marks the connection read-only and
        // opens transactions with BEGIN READ ONLY; the server starts every transaction read-only (25006 on any
        // write); a real replica, being a hot standby, refuses writes whatever the session says. On a primary
        // PostgreSQL still lets a session that asks for it (SET TRANSACTION READ WRITE before its first query,
        // or SET SESSION CHARACTERISTICS) write, so the console sends no SQL but the fixed reads in RunbookSql.
        p.setProperty("readOnly", "true");
        p.setProperty("readOnlyMode", "always");
        p.setProperty("options", "-c default_transaction_read_only=on");
        p.setProperty("connectTimeout", Integer.toString(timeouts.connectSeconds()));
        p.setProperty("loginTimeout", Integer.toString(timeouts.loginSeconds()));
        p.setProperty("socketTimeout", Integer.toString(timeouts.socketSeconds()));
        p.setProperty("tcpKeepAlive", "true");
        // Server-side prepared from the first run, so rows come in binary: a uuid is 16 bytes and a timestamp 8,
        // not text to parse, which is most of the client's cost on a million-row stream.
        p.setProperty("prepareThreshold", "-1");
        p.setProperty("sslmode", settings.sslMode().pgValue());
        if (settings.caBundle() != null) {
            p.setProperty("sslrootcert", settings.caBundle().toAbsolutePath().toString());
        }
        if (settings.tlsServerName() != null && settings.sslMode() == SslMode.VERIFY_FULL) {
            p.setProperty("sslhostnameverifier", TunnelHostnameVerifier.class.getName());
            p.setProperty(TunnelHostnameVerifier.SERVER_NAME_PROPERTY, settings.tlsServerName());
        }
        return p;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        char[] secret = password;
        if (secret != null) {
            p.setProperty("password", new String(secret));
        }
        Connection connection = driver.connect(url, p);
        if (connection == null) {
            throw new SQLException("pgjdbc does not accept the URL " + url, "08001");
        }
        return connection;
    }

    /** Wipes the copied password; later connection attempts then fall back to .pgpass and fail if it has none. */
    void forgetPassword() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public Connection getConnection(String username, String pwd) throws SQLException {
        throw new SQLFeatureNotSupportedException("the replica's credentials are fixed when it is connected");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // pgjdbc logs through java.util.logging; nothing to redirect
    }

    // Hikari sets this from its own connectionTimeout; pgjdbc's loginTimeout property already bounds the login.
    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return Integer.parseInt(properties.getProperty("loginTimeout"));
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
