package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.Locale;
import java.util.Optional;

/** The source systems whose records hmpps-person-record clusters; names as the service spells them on the wire. */
public enum SourceSystem {
    NOMIS,
    DELIUS,
    COMMON_PLATFORM,
    LIBRA;

    /** Exact, case-sensitive match, as {@code POST /admin/recluster} requires. */
    public static Optional<SourceSystem> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (SourceSystem s : values()) {
            if (s.name().equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** What the user probably meant when the exact match failed ({@code Delius} → {@code DELIUS}). */
    public static Optional<SourceSystem> suggestionFor(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalised = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return fromWire(normalised);
    }
}
