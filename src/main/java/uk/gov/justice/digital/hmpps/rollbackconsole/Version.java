package uk.gov.justice.digital.hmpps.rollbackconsole;

import java.util.Optional;

/** The console's version, readable without loading JavaFX, so the command line can print it. */
public final class Version {
    private Version() {
    }

    /** The version in the jar's manifest; "development" when run from the source tree. */
    public static final String VERSION = Optional.ofNullable(Version.class.getPackage().getImplementationVersion())
            .orElse("development");
}
