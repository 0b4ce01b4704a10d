package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.Optional;

/** Where the console is pointed. Production is the one place where mistakes are expensive, so it is named loudly. */
public enum Environment {
    LOCAL("local", null),
    DEV("dev", "hmpps-person-record-dev"),
    PREPROD("preprod", "hmpps-person-record-preprod"),
    PROD("prod", "hmpps-person-record-prod");

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
