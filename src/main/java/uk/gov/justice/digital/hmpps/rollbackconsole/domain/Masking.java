package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How identifiers are shown while the screen is shared (presenter mode): a source system id keeps its first three
 * characters ({@code A12*****}), a UUID its first and last four ({@code 3f2a…9c1d}), and the connection's host, user
 * and database their first three. The number of stars is fixed, so the length of the value is not shown either.
 * {@link #NONE} shows everything as it is. The same rules serve tables, messages, the status bar and the report.
 */
public final class Masking {

    public static final Masking NONE = new Masking(false, List.of());

    private static final String STARS = "*****";
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    // An id written after its source system, as messages and the report write keys: "DELIUS X123456", "NOMIS/A1234BC".
    private static final Pattern KEY = Pattern.compile("\\b(NOMIS|DELIUS|COMMON_PLATFORM|LIBRA)([ /:=]+)([^\\s,;)\\]\"'|]+)");
    // An id on its own: letters and digits mixed, as a CRN (X123456) or a prison number (A1234BC) are. Counts,
    // times, SHA-256 digests and words have no such token, so they stay readable.
    private static final Pattern MIXED_TOKEN = Pattern.compile(
            "(?<![\\w*…-])(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,20}(?![\\w*…])");
    private static final Set<String> NOT_SECRET = Set.of("127.0.0.1", "localhost", "::1", "0.0.0.0");

    private final boolean on;
    private final List<String> secrets;

    private Masking(boolean on, List<String> secrets) {
        this.on = on;
        this.secrets = secrets;
    }

    /** Masks identifiers and each of {@code secrets} (the connection's host, user, database) wherever they occur. */
    public static Masking presenter(Collection<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && !s.isBlank() && !NOT_SECRET.contains(s.strip()) && !kept.contains(s.strip())) {
                kept.add(s.strip());
            }
        }
        // The longest first, so that a host containing the user's name is masked whole.
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return new Masking(true, List.copyOf(kept));
    }

    public boolean isOn() {
        return on;
    }

    /** A source system id (crn, prison number, defendant id, c_id): its first three characters and stars. */
    public String sourceId(String id) {
        if (!on || id == null || id.isEmpty()) {
            return id;
        }
        return prefix(id);
    }

    /** A UUID (person_uuid, a cluster): its first and last four characters. */
    public String uuid(String uuid) {
        if (!on || uuid == null || uuid.length() < 9) {
            return uuid;
        }
        return uuid.substring(0, 4) + "\u2026" + uuid.substring(uuid.length() - 4);
    }

    public String uuid(java.util.UUID uuid) {
        return uuid == null ? null : uuid(uuid.toString());
    }

    /** Connection details (host, user, database). */
    public String connection(String value) {
        if (!on || value == null || value.isEmpty() || NOT_SECRET.contains(value.strip())) {
            return value;
        }
        return prefix(value);
    }

    /** Free text (a message, the status bar, a line of the report) with every identifier in it masked. */
    public String text(String text) {
        if (!on || text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, prefix(secret));
        }
        out = replace(UUID, out, m -> uuid(m.group()));
        out = replace(KEY, out, m -> m.group(1) + m.group(2) + prefix(m.group(3)));
        out = replace(MIXED_TOKEN, out, m -> prefix(m.group()));
        return out;
    }

    private static String prefix(String value) {
        if (value.endsWith(STARS)) {
            return value; // already masked
        }
        int keep = value.length() <= 4 ? 1 : 3;
        return value.substring(0, keep) + STARS;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Masking other && on == other.on && secrets.equals(other.secrets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(on, secrets);
    }

    @Override
    public String toString() {
        return on ? "Masking[on, " + secrets.size() + " connection values]" : "Masking[off]";
    }
}
