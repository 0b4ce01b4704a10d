package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

/**
 * The affected records by the hour of their first affected event, by source system: when the bad release did its
 * harm. Hours are event_timestamp's own (the service's clock), as event_log stores them.
 */
public record AffectedHours(AffectedWindow window, Map<LocalDateTime, Map<SourceSystem, Long>> byHour,
                            Instant takenAt) {

    /** Buckets a chart shows at most before it goes to days, then to weeks. */
    static final int MAX_HOURS = 72;
    static final int MAX_DAYS = 120;

    public enum Unit { HOUR, DAY, WEEK }

    /** One bar: records first affected in [start, start + unit). */
    public record Bucket(LocalDateTime start, Unit unit, long records) {
    }

    public AffectedHours {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(takenAt, "takenAt");
        Map<LocalDateTime, Map<SourceSystem, Long>> copy = new LinkedHashMap<>();
        byHour.forEach((h, m) -> copy.put(h, Collections.unmodifiableMap(new EnumMap<>(m))));
        byHour = Collections.unmodifiableMap(copy);
    }

    public long total() {
        return byHour.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    public long total(SourceSystem system) {
        return byHour.values().stream().mapToLong(m -> m.getOrDefault(system, 0L)).sum();
    }

    /** The busiest hour, if any record was affected. */
    public java.util.Optional<Map.Entry<LocalDateTime, Long>> peak() {
        return byHour.entrySet().stream().map(e -> Map.entry(e.getKey(),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum()))
                .max(Map.Entry.<LocalDateTime, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())));
    }

    /**
     * Contiguous bars from the first affected hour to the last, empty ones included so that a quiet hour shows as
     * one: hours while there are at most {@value #MAX_HOURS}, else days, else weeks (from Monday).
     */
    public List<Bucket> buckets() {
        if (byHour.isEmpty()) {
            return List.of();
        }
        LocalDateTime first = byHour.keySet().stream().min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime last = byHour.keySet().stream().max(LocalDateTime::compareTo).orElseThrow();
        Unit unit = ChronoUnit.HOURS.between(first, last) < MAX_HOURS ? Unit.HOUR
                : ChronoUnit.DAYS.between(first.toLocalDate(), last.toLocalDate()) < MAX_DAYS ? Unit.DAY : Unit.WEEK;
        Map<LocalDateTime, Long> totals = new LinkedHashMap<>();
        for (LocalDateTime t = start(first, unit); !t.isAfter(last); t = next(t, unit)) {
            totals.put(t, 0L);
        }
        byHour.forEach((hour, counts) -> totals.merge(start(hour, unit),
                counts.values().stream().mapToLong(Long::longValue).sum(), Long::sum));
        List<Bucket> buckets = new ArrayList<>();
        totals.forEach((start, n) -> buckets.add(new Bucket(start, unit, n)));
        return buckets;
    }

    private static LocalDateTime start(LocalDateTime t, Unit unit) {
        return switch (unit) {
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case DAY -> t.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
    }

    private static LocalDateTime next(LocalDateTime t, Unit unit) {
        return switch (unit) {
            case HOUR -> t.plusHours(1);
            case DAY -> t.plusDays(1);
            case WEEK -> t.plusWeeks(1);
        };
    }
}
