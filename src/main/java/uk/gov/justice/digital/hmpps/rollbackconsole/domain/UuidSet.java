package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.UUID;

/**
 * The distinct UUIDs seen, for counting them: 32 bytes of table a UUID at most, where a HashSet of UUID objects
 * takes some 80, so that a million-cluster export stays well inside a small heap. Open addressing, linear probing;
 * the all-zero UUID is kept aside as the table's empty marker.
 */
final class UuidSet {

    private static final int INITIAL_CAPACITY = 1 << 12;

    // A UUID's two halves side by side (slot i at 2i and 2i + 1), so that a probe touches one cache line, not two.
    private long[] table = new long[2 * INITIAL_CAPACITY];
    private int size;
    private boolean hasZero;

    /** Adds it; true when it was not there yet. */
    boolean add(UUID uuid) {
        long m = uuid.getMostSignificantBits();
        long l = uuid.getLeastSignificantBits();
        if (m == 0 && l == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (insert(table, m, l)) {
            size++;
            // Half full at most, so that probes stay short.
            if (size * 4L > table.length) {
                grow();
            }
            return true;
        }
        return false;
    }

    long size() {
        return size + (hasZero ? 1 : 0);
    }

    private static boolean insert(long[] table, long m, long l) {
        int mask = (table.length >>> 1) - 1;
        for (int i = slot(m, l) & mask; ; i = (i + 1) & mask) {
            int at = i << 1;
            long tm = table[at];
            long tl = table[at + 1];
            if (tm == 0 && tl == 0) {
                table[at] = m;
                table[at + 1] = l;
                return true;
            }
            if (tm == m && tl == l) {
                return false;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (int at = 0; at < table.length; at += 2) {
            if (table[at] != 0 || table[at + 1] != 0) {
                insert(bigger, table[at], table[at + 1]);
            }
        }
        table = bigger;
    }

    private static int slot(long m, long l) {
        long h = (m ^ Long.rotateLeft(l, 29)) * 0x9E3779B97F4A7C15L; // spreads UUIDs that differ in few bits
        return (int) (h ^ (h >>> 32));
    }
}
