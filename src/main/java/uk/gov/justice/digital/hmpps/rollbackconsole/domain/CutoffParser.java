package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the deployment time of the bad release as incident leads paste it: the runbook's own form, ISO-8601, and
 * what GitHub, CircleCI, kubectl and {@code date} print. The text is normalised, any zone marker is taken out, and
 * the rest is tried against a short list of formats. A wall clock without a marker is read in the chosen zone and
 * never shifted across a clock change without asking.
 */
public final class CutoffParser {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    static final String EXAMPLES = "2025-06-09 13:21:55, 2025-06-09T12:21:55Z or 9 Jun 2025, 13:21:55 BST";

    private static final ZoneOffset BST = ZoneOffset.ofHours(1);
    private static final Duration IMPLAUSIBLY_OLD = Duration.ofDays(90);

    // Browsers put narrow and ordinary no-break spaces into "1:21 PM" and "9 Jun"; \s matches neither.
    private static final Pattern ODD_SPACES = Pattern.compile("[\\u00A0\\u2007\\u2009\\u202F]");
    private static final Pattern QUOTES_AND_SPACE = Pattern.compile("^[\\s'\"`‘’“”]+|[\\s'\"`‘’“”]+$");
    private static final Pattern ZONE_NAME = Pattern.compile(
            "(?<![A-Za-z])(Z|UTC|GMT|BST)(?:\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?)?(?![A-Za-z])",
            Pattern.CASE_INSENSITIVE);
    // Only after a time of day, so that the hyphens of a date are never read as an offset.
    private static final Pattern NUMERIC_OFFSET = Pattern.compile(
            "(.*\\d:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s*([+-])(\\d{2})(?::?(\\d{2}))?");
    private static final Pattern LEADING_WORD = Pattern.compile("([A-Za-z]+)\\.?,?\\s+(.*)");
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z])[A-Za-z]{2,5}(?![A-Za-z])");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final String MONTH = "[MMMM][MMM]";
    private static final List<DateTimeFormatter> FORMATS = List.of(
            isoLike(),
            format(MONTH + " d uuuu h:mm[:ss] a"),       // GitHub, en-US: Jun 9, 2025, 1:21 PM
            format(MONTH + " d uuuu H:mm[:ss]"),         // CircleCI: Jun 9, 2025 13:21:55
            format("d " + MONTH + " uuuu H:mm[:ss]"),    // GitHub, en-GB: 9 Jun 2025, 13:21:55
            format("d " + MONTH + " uuuu h:mm[:ss] a"),
            format("d " + MONTH + " H:mm:ss uuuu"),      // date, en_GB: Mon 9 Jun 13:21:55 BST 2025
            format(MONTH + " d H:mm:ss uuuu"),           // date, C: Mon Jun  9 12:21:55 UTC 2025
            format(MONTH + " d h:mm:ss a uuuu"));        // date, en_US: Mon Jun  9 01:21:55 PM BST 2025

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private CutoffParser() {
    }

    /** {@code zone} applies only when the text carries no zone or offset of its own. */
    public static CutoffInput parse(String text, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (text == null) {
            return new CutoffInput.Empty();
        }
        String cleaned = QUOTES_AND_SPACE.matcher(ODD_SPACES.matcher(text).replaceAll(" ")).replaceAll("");
        if (cleaned.isEmpty()) {
            return new CutoffInput.Empty();
        }

        ZoneMarker marker = null;
        String rest = cleaned;
        Matcher named = ZONE_NAME.matcher(cleaned);
        if (named.find()) {
            try {
                marker = ZoneMarker.named(named);
            } catch (DateTimeException e) {
                return badOffset(named.group());
            }
            rest = cleaned.substring(0, named.start()) + " " + cleaned.substring(named.end());
            if (named.find()) {
                return twoZones(cleaned, marker.text(), named.group());
            }
        }
        Matcher numeric = NUMERIC_OFFSET.matcher(rest.strip());
        if (numeric.matches()) {
            String offsetText = rest.strip().substring(numeric.start(2));
            if (marker != null) {
                return twoZones(cleaned, marker.text(), offsetText);
            }
            try {
                marker = new ZoneMarker(offsetText, offsetOf(numeric.group(2), numeric.group(3), numeric.group(4)), false);
            } catch (DateTimeException e) {
                return badOffset(offsetText);
            }
            rest = numeric.group(1);
        }

        Reading reading = read(rest);
        if (reading.local() == null) {
            return unreadable(cleaned, rest, reading);
        }
        LocalDateTime local = reading.local();
        if (reading.weekday() != null && reading.weekday() != local.getDayOfWeek()) {
            return new CutoffInput.Invalid(local.toLocalDate() + " is a " + dayName(local.getDayOfWeek())
                    + ", not a " + dayName(reading.weekday()) + "; check the date.");
        }
        if (marker == null) {
            return inZone(text, local, zone);
        }
        if (marker.britishSummerTime()) {
            return inBritishSummerTime(text, local, zone);
        }
        return new CutoffInput.Valid(cutoff(text, local.toInstant(marker.offset()), zone));
    }

    public static CutoffInput of(LocalDate date, LocalTime time, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (date == null && time == null) {
            return new CutoffInput.Empty();
        }
        if (date == null) {
            return new CutoffInput.Invalid("Choose the date of the deployment as well as the time.");
        }
        if (time == null) {
            return new CutoffInput.Invalid("Enter the time of the deployment as well as the date, e.g. 13:21:55.");
        }
        LocalDateTime local = date.atTime(time);
        return inZone(Cutoff.format(local), local, zone);
    }

    public static List<String> warnings(Cutoff cutoff, Clock clock) {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(clock, "clock");
        Instant now = clock.instant();
        List<String> warnings = new ArrayList<>();
        if (cutoff.instant().isAfter(now)) {
            if (cutoff.instant().isAfter(now.plus(Duration.ofHours(1)))) {
                warnings.add("The cutoff " + cutoff.describe() + " is in the future, so no events can have been"
                        + " written after it yet; check the date and the time zone.");
            } else {
                warnings.add("The cutoff " + cutoff.describe() + " is in the future by less than an hour, as a UK"
                        + " summer time entered as UTC would be; check the time zone.");
            }
        } else if (cutoff.instant().isBefore(now.minus(IMPLAUSIBLY_OLD))) {
            long days = Duration.between(cutoff.instant(), now).toDays();
            warnings.add("The cutoff " + cutoff.describe() + " is " + days + " days ago, which is implausibly old"
                    + " for the release being rolled back; check the year and the month.");
        }
        if (markedGmtInBritishSummerTime(cutoff)) {
            warnings.add("The time is marked GMT, so it reads as " + cutoff.describe() + ", but the UK was on BST"
                    + " then; if it was read from a UK clock, mark it BST instead.");
        }
        return List.copyOf(warnings);
    }

    private static CutoffInput inZone(String typed, LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return new CutoffInput.Valid(cutoff(typed, local.toInstant(offsets.get(0)), zone));
        }
        if (offsets.isEmpty()) {
            return nonexistent(local, zone);
        }
        ZoneOffsetTransition overlap = rules.getTransition(local);
        return new CutoffInput.Ambiguous(local, zone,
                cutoff(typed, local.toInstant(overlap.getOffsetBefore()), zone),
                cutoff(typed, local.toInstant(overlap.getOffsetAfter()), zone));
    }

    /** BST names a UK offset that holds only part of the year, so the date has to agree with it. */
    private static CutoffInput inBritishSummerTime(String typed, LocalDateTime local, ZoneId zone) {
        List<ZoneOffset> offsets = LONDON.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            return nonexistent(local, LONDON);
        }
        if (offsets.contains(BST)) {
            return new CutoffInput.Valid(cutoff(typed, local.toInstant(BST), zone));
        }
        return new CutoffInput.Invalid("BST is not in force at " + local.toLocalTime() + " on " + local.toLocalDate()
                + summerTimeOf(local.getYear()) + ": the UK is on GMT then. Check the date, or give the time in GMT"
                + " or UTC.");
    }

    private static String summerTimeOf(int year) {
        ZoneRules rules = LONDON.getRules();
        ZoneOffsetTransition start = rules.nextTransition(LocalDate.of(year, 1, 1).atStartOfDay(LONDON).toInstant());
        ZoneOffsetTransition end = start == null ? null : rules.nextTransition(start.getInstant());
        if (end == null || end.getDateTimeBefore().getYear() != year) {
            return "";
        }
        return " (in " + year + " British Summer Time runs from " + DAY_MONTH.format(start.getDateTimeAfter())
                + " to " + DAY_MONTH.format(end.getDateTimeBefore()) + ")";
    }

    private static CutoffInput nonexistent(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        return new CutoffInput.Nonexistent(local, zone, shortly(local) + " did not happen in " + zone.getId()
                + ": the clocks went forward from " + gap.getDateTimeBefore().toLocalTime() + " to "
                + gap.getDateTimeAfter().toLocalTime() + " that night. Which time was meant? Enter it again, or"
                + " give it in UTC.");
    }

    private static Cutoff cutoff(String typed, Instant instant, ZoneId zone) {
        return new Cutoff(typed, zone, LocalDateTime.ofInstant(instant, zone), instant, abbreviation(zone, instant));
    }

    private static String abbreviation(ZoneId zone, Instant instant) {
        if (ZoneOffset.UTC.equals(zone.normalized())) {
            return "UTC";
        }
        if (LONDON.equals(zone)) {
            // By offset rather than by the zone names, which vary with the JDK's locale data.
            ZoneOffset offset = zone.getRules().getOffset(instant);
            if (offset.equals(BST)) {
                return "BST";
            }
            if (offset.equals(ZoneOffset.UTC)) {
                return "GMT";
            }
        }
        return ZONE_ABBREVIATION.format(instant.atZone(zone));
    }

    private static boolean markedGmtInBritishSummerTime(Cutoff cutoff) {
        Matcher named = ZONE_NAME.matcher(cutoff.typed());
        return named.find() && named.group(1).equalsIgnoreCase("GMT") && named.group(2) == null
                && LONDON.getRules().getOffset(cutoff.instant()).equals(BST);
    }

    private record Reading(LocalDateTime local, DayOfWeek weekday, String problem) {
    }

    private static Reading read(String text) {
        String normalised = text.replaceAll(",(?=\\s|$)", " ")
                .replaceAll("(?i)\\s+at\\s+", " ")
                .replaceAll("(?<=\\d)[Tt](?=\\d)", " ")
                .replaceAll("(?i)\\bsept\\b", "Sep")
                .replaceAll("\\s+", " ")
                .strip();
        DayOfWeek weekday = null;
        Matcher leading = LEADING_WORD.matcher(normalised);
        if (leading.matches() && dayOfWeek(leading.group(1)) != null) {
            weekday = dayOfWeek(leading.group(1));
            normalised = leading.group(2);
        }
        String problem = null;
        for (DateTimeFormatter format : FORMATS) {
            try {
                return new Reading(LocalDateTime.parse(normalised, format), weekday, null);
            } catch (DateTimeParseException e) {
                // A cause means the text matched the format but is not a real date or time, e.g. 30 February.
                if (problem == null && e.getCause() != null) {
                    problem = e.getCause().getMessage();
                }
            }
        }
        return new Reading(null, weekday, problem);
    }

    private static CutoffInput unreadable(String cleaned, String rest, Reading reading) {
        if (reading.problem() != null) {
            return new CutoffInput.Invalid("\"" + cleaned + "\" is not a real date and time (" + reading.problem()
                    + "). Use a form such as " + EXAMPLES + ".");
        }
        if (DATE_ONLY.matcher(rest.strip()).matches()) {
            return new CutoffInput.Invalid("\"" + cleaned + "\" has no time of day; give the time too, e.g. "
                    + rest.strip() + " 13:21:55.");
        }
        Matcher words = WORD.matcher(rest);
        while (words.find()) {
            String word = words.group();
            if (!isCalendarWord(word)
                    && read(rest.substring(0, words.start()) + " " + rest.substring(words.end())).local() != null) {
                return new CutoffInput.Invalid("\"" + word + "\" is not a time zone that is understood here; use"
                        + " UTC, GMT, BST or an offset such as +01:00, or leave it out and choose the zone.");
            }
        }
        return new CutoffInput.Invalid("\"" + cleaned + "\" cannot be read as a date and time. Use a form such as "
                + EXAMPLES + ".");
    }

    private static CutoffInput twoZones(String cleaned, String first, String second) {
        return new CutoffInput.Invalid("\"" + cleaned + "\" gives two time zones, " + first.strip() + " and "
                + second.strip() + "; keep only one.");
    }

    private static CutoffInput badOffset(String text) {
        return new CutoffInput.Invalid("\"" + text.strip() + "\" is not a valid offset from UTC; use one such as"
                + " +01:00.");
    }

    private static ZoneOffset offsetOf(String sign, String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        return "-".equals(sign) ? ZoneOffset.ofHoursMinutes(-h, -m) : ZoneOffset.ofHoursMinutes(h, m);
    }

    /** A zone named or given as an offset in the text itself. */
    private record ZoneMarker(String text, ZoneOffset offset, boolean britishSummerTime) {
        static ZoneMarker named(Matcher matcher) {
            String name = matcher.group(1).toUpperCase(Locale.ROOT);
            if (matcher.group(2) != null) {
                return new ZoneMarker(matcher.group(), offsetOf(matcher.group(2), matcher.group(3), matcher.group(4)),
                        false);
            }
            return name.equals("BST")
                    ? new ZoneMarker(matcher.group(), BST, true)
                    : new ZoneMarker(matcher.group(), ZoneOffset.UTC, false);
        }
    }

    private static String shortly(LocalDateTime local) {
        return local.getSecond() == 0 && local.getNano() == 0 ? HOURS_MINUTES.format(local) : Cutoff.format(local);
    }

    private static DayOfWeek dayOfWeek(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (lower.length() >= 3 && day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT)
                    .startsWith(lower)) {
                return day;
            }
        }
        return null;
    }

    private static boolean isCalendarWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.equals("am") || lower.equals("pm") || lower.equals("at") || dayOfWeek(word) != null) {
            return true;
        }
        for (Month month : Month.values()) {
            if (lower.length() >= 3 && month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT)
                    .startsWith(lower)) {
                return true;
            }
        }
        return false;
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static DateTimeFormatter isoLike() {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern("uuuu-MM-dd H:mm")
                .optionalStart()
                .appendLiteral(':')
                .appendPattern("ss")
                .optionalStart()
                .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
                .optionalEnd()
                .optionalEnd()
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static DateTimeFormatter format(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }
}
