package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.UUID;

/**
 * The distinct UUIDs seen, for counting them: 32 bytes of table a UUID at most, where a HashSet of UUID objects
 * takes some 80, so that a million-cluster export stays well inside a small heap. Open addressing, linear probing;
 * the all-zero UUID is kept aside as the table's empty marker.
 */
final class UuidSet {

    private static final int INITIAL_CAPACITY = 1 << 12;

    private long[] most = new long[INITIAL_CAPACITY];
    private long[] least = new long[INITIAL_CAPACITY];
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
        if (insert(most, least, m, l)) {
            size++;
            // Half full at most, so that probes stay short.
            if (size * 2L > most.length) {
                grow();
            }
            return true;
        }
        return false;
    }

    long size() {
        return size + (hasZero ? 1 : 0);
    }

    private static boolean insert(long[] most, long[] least, long m, long l) {
        int mask = most.length - 1;
        for (int i = slot(m, l) & mask; ; i = (i + 1) & mask) {
            if (most[i] == 0 && least[i] == 0) {
                most[i] = m;
                least[i] = l;
                return true;
            }
            if (most[i] == m && least[i] == l) {
                return false;
            }
        }
    }

    private void grow() {
        long[] newMost = new long[most.length * 2];
        long[] newLeast = new long[least.length * 2];
        for (int i = 0; i < most.length; i++) {
            if (most[i] != 0 || least[i] != 0) {
                insert(newMost, newLeast, most[i], least[i]);
            }
        }
        most = newMost;
        least = newLeast;
    }

    private static int slot(long m, long l) {
        long h = (m ^ Long.rotateLeft(l, 29)) * 0x9E3779B97F4A7C15L; // spreads UUIDs that differ in few bits
        return (int) (h ^ (h >>> 32));
    }
}
