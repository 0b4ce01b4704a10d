package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure;

/**
 * The replica is declared with RDS auto start/stop: the platform stops it out of hours, at night, and starts it in
 * the morning. A replica that cannot be reached at night may simply be stopped, which "check the host" does not say.
 */
final class ReplicaAsleepHint {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    // Wide on purpose: the platform's hours are its own; the hint says "may".
    private static final LocalTime EVENING = LocalTime.of(19, 0);
    private static final LocalTime MORNING = LocalTime.of(8, 0);

    private ReplicaAsleepHint() {
    }

    static Optional<String> of(ConnectFailure failure, Environment environment, Clock clock) {
        if (environment == null || environment == Environment.LOCAL || environment.isRehearsal()
                || (failure.kind() != ConnectFailure.Kind.UNREACHABLE && failure.kind() != ConnectFailure.Kind.TIMEOUT)) {
            return Optional.empty();
        }
        LocalTime now = clock.instant().atZone(UK).toLocalTime();
        if (now.isBefore(EVENING) && !now.isBefore(MORNING)) {
            return Optional.empty();
        }
        return Optional.of("It is " + now.withNano(0).withSecond(0) + " UK time: the platform stops the " + environment.label()
                + " read replica out of hours (RDS auto start/stop) and starts it in the morning, so at night it may"
                + " simply be stopped rather than broken.");
    }
}
