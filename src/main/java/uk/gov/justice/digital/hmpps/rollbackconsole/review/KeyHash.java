package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

/**
 * A 128-bit fingerprint of (source_system, source_system_id): MurmurHash3 x64 128 over the system's ordinal
 * followed by the id's UTF-16 code units. Reviews and diffs keep fingerprints instead of the ids themselves.
 *
 * <p>Two different records share a fingerprint with probability about n²/2^129 among n records: about 1 in 10^27
 * for a million. 64 bits would do for spotting duplicates (a collision there is one false warning, about 1 in 4·10^7
 * for a million records), but the diff decides by fingerprint which file a record goes to, and a collision there
 * would leave a record out of a file without a word; 128 bits make that impossible in practice for 8 bytes more.
 */
public final class KeyHash {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private KeyHash() {
    }

    /** Writes the fingerprint to {@code out[0]} and {@code out[1]}; an array, not an object, per record. */
    public static void of(SourceSystem system, String id, long[] out) {
        int units = id.length() + 1;
        long h1 = 0;
        long h2 = 0;
        int blocks = units / 8;
        for (int block = 0; block < blocks; block++) {
            int base = block * 8;
            long k1 = pack(system, id, base, 4);
            long k2 = pack(system, id, base + 4, 4);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int base = blocks * 8;
        int rest = units - base;
        if (rest > 4) {
            h2 ^= mixK2(pack(system, id, base + 4, rest - 4));
        }
        if (rest > 0) {
            h1 ^= mixK1(pack(system, id, base, Math.min(rest, 4)));
        }
        long length = 2L * units;
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = LongPairTable.mix(h1);
        h2 = LongPairTable.mix(h2);
        h1 += h2;
        h2 += h1;
        out[0] = h1;
        out[1] = h2;
    }

    /** {@code count} 16-bit units from position {@code from}, little-endian in one long. */
    private static long pack(SourceSystem system, String id, int from, int count) {
        long k = 0;
        for (int i = 0; i < count; i++) {
            int position = from + i;
            long unit = position == 0 ? system.ordinal() : id.charAt(position - 1);
            k |= unit << (16 * i);
        }
        return k;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        return k1 * C2;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        return k2 * C1;
    }
}
