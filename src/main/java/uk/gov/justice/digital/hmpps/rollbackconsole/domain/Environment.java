package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where the console is pointed. Production is the one place where mistakes are expensive, so it is named loudly. */
public enum Environment {
    LOCAL("local", null),
    DEV("dev", "hmpps-person-record-dev"),
    PREPROD("preprod", "hmpps-person-record-preprod"),
    PROD("prod", "hmpps-person-record-prod"),
    /**
     * The rehearsal the console runs by itself: a database, service and kubectl simulated inside the app. Never
     * offered for a real connection, and named in every file it writes.
     */
    REHEARSAL("rehearsal", "hmpps-person-record-rehearsal");

    /** The word that marks the rehearsal on every screen and in every file. */
    public static final String REHEARSAL_MARK = "REHEARSAL";

    private final String label;
    private final String namespace;

    Environment(String label, String namespace) {
        this.label = label;
        this.namespace = namespace;
    }

    public String label() {
        return label;
    }

    /** The Kubernetes namespace of this environment; empty for a local database. */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    public boolean isProduction() {
        return this == PROD;
    }

    public boolean isRehearsal() {
        return this == REHEARSAL;
    }

    /** The environments a real connection may name: every one but the rehearsal. */
    public static List<Environment> real() {
        return Arrays.stream(values()).filter(e -> !e.isRehearsal()).toList();
    }

    /** {@code REHEARSAL-} before a file name written in the rehearsal, nothing otherwise. */
    public static String filePrefix(Environment env) {
        return env != null && env.isRehearsal() ? REHEARSAL_MARK + "-" : "";
    }

    /** The environment whose namespace this is, if any. */
    public static Optional<Environment> fromNamespace(String namespace) {
        for (Environment e : values()) {
            if (e.namespace != null && e.namespace.equals(namespace)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static Optional<Environment> fromLabel(String label) {
        for (Environment e : values()) {
            if (e.label.equalsIgnoreCase(label) || e.name().equalsIgnoreCase(label)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
