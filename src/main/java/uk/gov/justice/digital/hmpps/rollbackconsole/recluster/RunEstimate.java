package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a recluster will take: before it starts, from its records and a rate the lead can set (3 minutes per 500
 * records by default, as seen in dev); once it runs, from the rate the pod's log shows.
 */
public final class RunEstimate {

    /** The settings key of the rate assumed before a run has shown its own, in minutes per 500 records. */
    public static final String MINUTES_PER_500 = "recluster.minutes-per-500-records";
    public static final double DEFAULT_MINUTES_PER_500 = 3.0;

    private RunEstimate() {
    }

    /** A settings value; a missing, bad or non-positive one keeps the default. */
    public static double minutesPer500(String value) {
        try {
            double m = value == null ? 0 : Double.parseDouble(value.trim());
            return m > 0 && Double.isFinite(m) ? m : DEFAULT_MINUTES_PER_500;
        } catch (NumberFormatException e) {
            return DEFAULT_MINUTES_PER_500;
        }
    }

    /** The time {@code records} take at {@code minutesPer500}. */
    public static Duration at(long records, double minutesPer500) {
        return Duration.ofSeconds((long) Math.ceil(records * minutesPer500 * 60 / 500));
    }

    /** The time {@code records} take at a measured rate (the log's upsert and recluster steps a second). */
    public static Duration measured(long records, double stepsPerSecond) {
        return Duration.ofSeconds((long) Math.ceil(records * 2 / stepsPerSecond));
    }

    /** "3 min", "3.5 min" (the rate as the lead would write it). */
    public static String rate(double minutesPer500) {
        return (minutesPer500 == Math.rint(minutesPer500) ? String.valueOf((long) minutesPer500)
                : String.format(Locale.UK, "%.1f", minutesPer500)) + " min per 500 records";
    }

    /** "45 s", "3 min 07 s", "1 h 05 min". */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + String.format("%02d", s % 60) + " s";
        }
        return s / 3600 + " h " + String.format("%02d", s % 3600 / 60) + " min";
    }
}
