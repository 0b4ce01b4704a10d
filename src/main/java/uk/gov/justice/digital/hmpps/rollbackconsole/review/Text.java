package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.util.Locale;

/** Wording shared by the review's messages. */
final class Text {

    private static final int QUOTED_MAX = 60;
    private static final int QUERY_MAX = 100;

    private Text() {
    }

    /** 1,234,567: counts are read by people. */
    static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    static String records(long n) {
        return count(n) + (n == 1 ? " record" : " records");
    }

    /** The value in double quotes, JSON-escaped so that control characters show, and cut short if long. */
    static String quote(String value) {
        String shown = value.length() > QUOTED_MAX ? value.substring(0, QUOTED_MAX - 1) + "…" : value;
        StringBuilder b = new StringBuilder(shown.length() + 2).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A query on one line, blank space collapsed, cut to a length that fits a summary line. */
    static String query(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > QUERY_MAX ? oneLine.substring(0, QUERY_MAX - 1).stripTrailing() + "…" : oneLine;
    }
}
