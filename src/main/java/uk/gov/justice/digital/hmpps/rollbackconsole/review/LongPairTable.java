package uk.gov.justice.digital.hmpps.rollbackconsole.review;

/**
 * A set of pairs of longs, each with a non-zero int, in three flat arrays: 20 bytes a slot, no object per
 * entry, so a million entries take about 40 MB instead of the hundreds a HashSet of strings would. Open
 * addressing with linear probing; a value of 0 marks an empty slot, which is why values must not be 0.
 */
public final class LongPairTable {

    private static final int INITIAL_CAPACITY = 1 << 10;
    // Resizing at 70% keeps probe runs short while a million entries still fit in 2^21 slots.
    private static final double LOAD = 0.7;

    private long[] firsts;
    private long[] seconds;
    private int[] values;
    private int mask;
    private int size;
    private int threshold;

    public LongPairTable() {
        allocate(INITIAL_CAPACITY);
    }

    public int size() {
        return size;
    }

    /** The value stored for the pair, or 0 if it is absent. */
    int get(long first, long second) {
        int slot = slot(first, second);
        while (values[slot] != 0) {
            if (firsts[slot] == first && seconds[slot] == second) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }

    /** Stores {@code value} if the pair is new and returns 0; otherwise returns the value stored first. */
    public int putIfAbsent(long first, long second, int value) {
        if (value == 0) {
            throw new IllegalArgumentException("0 marks an empty slot and cannot be stored");
        }
        int slot = slot(first, second);
        while (values[slot] != 0) {
            if (firsts[slot] == first && seconds[slot] == second) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        firsts[slot] = first;
        seconds[slot] = second;
        values[slot] = value;
        if (++size > threshold) {
            grow();
        }
        return 0;
    }

    /** Pairs present in both tables. */
    long countShared(LongPairTable other) {
        LongPairTable small = size <= other.size ? this : other;
        LongPairTable large = small == this ? other : this;
        long shared = 0;
        for (int i = 0; i < small.values.length; i++) {
            if (small.values[i] != 0 && large.get(small.firsts[i], small.seconds[i]) != 0) {
                shared++;
            }
        }
        return shared;
    }

    private int slot(long first, long second) {
        return (int) mix(first ^ Long.rotateLeft(second, 32) * 0x9E3779B97F4A7C15L) & mask;
    }

    /** MurmurHash3's 64-bit finaliser: spreads UUIDs that differ only in a few bits over the whole table. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private void grow() {
        long[] oldFirsts = firsts;
        long[] oldSeconds = seconds;
        int[] oldValues = values;
        allocate(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != 0) {
                int slot = slot(oldFirsts[i], oldSeconds[i]);
                while (values[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                firsts[slot] = oldFirsts[i];
                seconds[slot] = oldSeconds[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private void allocate(int capacity) {
        if (capacity <= 0) {
            throw new IllegalStateException("too many entries for one table");
        }
        firsts = new long[capacity];
        seconds = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        threshold = (int) (capacity * LOAD);
    }
}
