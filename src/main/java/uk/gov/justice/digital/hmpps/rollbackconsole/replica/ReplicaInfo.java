package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClockReading;

/**
 * What the connect checks found.
 *
 * @param inRecovery         true for a read replica (a hot standby); false means a primary, which the user must
 *                           acknowledge outside production and which production refuses
 * @param eventLogRowEstimate the planner's estimate of event_log's size, or a bounded count when the table was
 *                           never analysed
 * @param clock              event_log's newest event against the replica's clock: which clock the data follows
 * @param lag                how far the replica was behind its primary when it was checked
 */
public record ReplicaInfo(String serverVersion, boolean inRecovery, long eventLogRowEstimate, ClockReading clock,
                          ReplicaLag lag) {
}
