package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts every problem, keeps the first few of each code: a million duplicates must not mean a million objects. */
final class ProblemTally {

    private static final ProblemCode[] CODES = ProblemCode.values();

    private final int keptPerCode;
    private final long[] counts = new long[CODES.length];
    private final List<Problem> kept = new ArrayList<>();

    ProblemTally(int keptPerCode) {
        this.keptPerCode = keptPerCode;
    }

    /** Whether the next problem of this code would be kept; when not, skip building its message and position. */
    boolean keeps(ProblemCode code) {
        return counts[code.ordinal()] < keptPerCode;
    }

    void add(Problem problem) {
        if (counts[problem.code().ordinal()]++ < keptPerCode) {
            kept.add(problem);
        }
    }

    void countOnly(ProblemCode code) {
        counts[code.ordinal()]++;
    }

    boolean any(Severity severity) {
        for (ProblemCode code : CODES) {
            if (code.severity() == severity && counts[code.ordinal()] > 0) {
                return true;
            }
        }
        return false;
    }

    /** Kept problems in file order; problems at the same place stay in the order they were found. */
    List<Problem> inFileOrder() {
        List<Problem> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparingLong(Problem::line).thenComparingLong(Problem::column));
        return sorted;
    }

    Map<ProblemCode, Long> counts() {
        Map<ProblemCode, Long> map = new EnumMap<>(ProblemCode.class);
        for (ProblemCode code : CODES) {
            if (counts[code.ordinal()] > 0) {
                map.put(code, counts[code.ordinal()]);
            }
        }
        return map;
    }
}
