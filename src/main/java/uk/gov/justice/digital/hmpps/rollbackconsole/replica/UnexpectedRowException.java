package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.sql.SQLException;

/**
 * An affected event the service would reject if it were sent for reclustering: an unknown source_system, or no
 * source_system_id. Dropping it silently would leave that record out of the rollback, so the query fails instead.
 * The message names the values, which are identifiers, not personal data.
 */
public final class UnexpectedRowException extends SQLException {

    private final String sourceSystem;
    private final String sourceSystemId;

    UnexpectedRowException(String message, String sourceSystem, String sourceSystemId) {
        super(message);
        this.sourceSystem = sourceSystem;
        this.sourceSystemId = sourceSystemId;
    }

    static UnexpectedRowException unknownSourceSystem(String sourceSystem, String sourceSystemId) {
        return new UnexpectedRowException("An affected event has source_system '" + sourceSystem
                + "' (source_system_id '" + sourceSystemId + "'), which is not one of NOMIS, DELIUS, COMMON_PLATFORM,"
                + " LIBRA; the service would reject it. Fix or exclude that row on the service's side first.",
                sourceSystem, sourceSystemId);
    }

    static UnexpectedRowException missingSourceSystemId(String sourceSystem) {
        return new UnexpectedRowException("An affected " + sourceSystem
                + " event has no source_system_id; the service cannot recluster a record without one.",
                sourceSystem, null);
    }

    /** The value as stored; may be null. */
    public String sourceSystem() {
        return sourceSystem;
    }

    /** May be null. */
    public String sourceSystemId() {
        return sourceSystemId;
    }
}
