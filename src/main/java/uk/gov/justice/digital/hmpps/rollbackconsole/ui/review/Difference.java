package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.nio.file.Path;

import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffTargets;

/** One of the three sets a comparison of A (the file under review) with B finds, each of which can be saved. */
public enum Difference {
    ONLY_IN_A("only in A"),
    ONLY_IN_B("only in B"),
    IN_BOTH("in both");

    private final String label;

    Difference(String label) {
        this.label = label;
    }

    /** {@code only in A}. */
    public String label() {
        return label;
    }

    public long count(DiffResult result) {
        return switch (this) {
            case ONLY_IN_A -> result.onlyInA();
            case ONLY_IN_B -> result.onlyInB();
            case IN_BOTH -> result.inBoth();
        };
    }

    /** Asks the comparison for this difference only, written to {@code target}. */
    public DiffTargets target(Path target) {
        return switch (this) {
            case ONLY_IN_A -> new DiffTargets(target, null, null);
            case ONLY_IN_B -> new DiffTargets(null, target, null);
            case IN_BOTH -> new DiffTargets(null, null, target);
        };
    }

    public ExportResult written(DiffResult result) {
        return switch (this) {
            case ONLY_IN_A -> result.onlyInAFile();
            case ONLY_IN_B -> result.onlyInBFile();
            case IN_BOTH -> result.inBothFile();
        };
    }

    /** {@code only-in-before.json}, {@code in-both-before-and-after.json}: names that say where the records came from. */
    public String defaultFileName(Path a, Path b) {
        String stemA = stem(a);
        String stemB = stem(b);
        if (stemA.equals(stemB)) {
            stemA = stemA + "-a";
            stemB = stemB + "-b";
        }
        return switch (this) {
            case ONLY_IN_A -> "only-in-" + stemA + ".json";
            case ONLY_IN_B -> "only-in-" + stemB + ".json";
            case IN_BOTH -> "in-both-" + stemA + "-and-" + stemB + ".json";
        };
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
