package uk.gov.justice.digital.hmpps.rollbackconsole.review;

/**
 * Reads a UUID in its canonical 8-4-4-4-12 form only. {@link java.util.UUID#fromString} also takes "1-2-3-4-5",
 * which no database writes, so it would pass a damaged value.
 */
final class StrictUuid {

    private static final int LENGTH = 36;

    private StrictUuid() {
    }

    /** Writes the two halves to {@code out} and returns true, or returns false if {@code text} is not a UUID. */
    static boolean parse(String text, long[] out) {
        if (text.length() != LENGTH) {
            return false;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
                continue;
            }
            int value = Character.digit(c, 16);
            if (value < 0 || c > 'f') {
                return false;
            }
            if (digits < 16) {
                high = (high << 4) | value;
            } else {
                low = (low << 4) | value;
            }
            digits++;
        }
        out[0] = high;
        out[1] = low;
        return true;
    }
}
