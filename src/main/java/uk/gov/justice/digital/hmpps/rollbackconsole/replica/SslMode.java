package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.util.Locale;
import java.util.regex.Pattern;

/** libpq's sslmode values, as pgjdbc takes them. */
public enum SslMode {
    DISABLE("disable"),
    PREFER("prefer"),
    REQUIRE("require"),
    VERIFY_CA("verify-ca"),
    VERIFY_FULL("verify-full");

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final String pgValue;

    SslMode(String pgValue) {
        this.pgValue = pgValue;
    }

    public String pgValue() {
        return pgValue;
    }

    /** Whether the server's certificate chain is checked against a CA (and, for VERIFY_FULL, its name). */
    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    /** Whether the connection fails rather than fall back to plain text when the server offers no TLS. */
    public boolean requiresTls() {
        return this == REQUIRE || verifiesCertificate();
    }

    /**
     * The service itself uses verify-full, so anything remote gets that. A loopback address is a laptop database
     * or a port-forward, whose certificate (if any) cannot name 127.0.0.1: the user then sets the mode and the
     * certificate's name ({@link ConnectionSettings#tlsServerName()}) explicitly. No name is looked up here.
     */
    public static SslMode defaultFor(String host) {
        return isLoopback(host) ? PREFER : VERIFY_FULL;
    }

    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    public static SslMode fromPgValue(String value) {
        for (SslMode m : values()) {
            if (m.pgValue.equalsIgnoreCase(value) || m.name().equalsIgnoreCase(value)) {
                return m;
            }
        }
        throw new IllegalArgumentException("not an sslmode: " + value);
    }
}
