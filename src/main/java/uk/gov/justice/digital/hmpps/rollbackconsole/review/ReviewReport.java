package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

/**
 * What the review of one file found.
 *
 * @param dbeaverQuery      the query text DBeaver used as the export's key, on one line and shortened; null for
 *                          other forms
 * @param complete          false when a problem such as broken JSON stopped the reading: the counts then cover
 *                          only what came before it (the size and SHA-256 always cover the whole file)
 * @param records           elements of the list, valid or not
 * @param distinctRecords   distinct (source_system, source_system_id) among the valid records
 * @param bySourceSystem    valid records per source system, duplicates included; every system present
 * @param clusters          distinct person_uuid values among the records
 * @param withoutPersonUuid records whose person_uuid is absent or null
 * @param sizeBytes         bytes in the file, as read
 * @param sha256            lowercase hex of those bytes
 * @param problems          in file order; at most a fixed number of each code (see {@link #notShown})
 * @param problemCounts     every problem found, kept or not, by code; codes not found are absent
 */
public record ReviewReport(
        Path file,
        FileForm form,
        String dbeaverQuery,
        boolean complete,
        long records,
        long distinctRecords,
        Map<SourceSystem, Long> bySourceSystem,
        long clusters,
        long withoutPersonUuid,
        long sizeBytes,
        String sha256,
        List<Problem> problems,
        Map<ProblemCode, Long> problemCounts) {

    /** The send step's default: 500 records a request keeps each body far below the service's 10 MB limit. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    public ReviewReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(sha256, "sha256");
        EnumMap<SourceSystem, Long> systems = new EnumMap<>(SourceSystem.class);
        for (SourceSystem s : SourceSystem.values()) {
            systems.put(s, bySourceSystem.getOrDefault(s, 0L));
        }
        bySourceSystem = Collections.unmodifiableMap(systems);
        problems = List.copyOf(problems);
        problemCounts = problemCounts.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(problemCounts));
    }

    /** No errors and at least one record. */
    public boolean safeToSend() {
        return errorCount() == 0 && records > 0;
    }

    /**
     * Why a file that may be sent should be sent with care, or empty when there is nothing to say: the warnings
     * that change what the send does. Repeated records (the seed runbook's one row per event) are reclustered once
     * per row, for nothing; ids with blank space at either end are looked up as written and not found. The other
     * warnings (a number as id, extra fields, a malformed person_uuid) change nothing the service does.
     */
    public Optional<String> caution() {
        if (!safeToSend()) {
            return Optional.empty();
        }
        StringBuilder why = new StringBuilder();
        long repeats = count(ProblemCode.DUPLICATE_RECORD);
        if (repeats > 0) {
            why.append(Text.count(repeats)).append(repeats == 1 ? " row repeats a record" : " rows repeat records")
                    .append(" listed earlier (").append(Text.count(records)).append(" rows, ")
                    .append(Text.records(distinctRecords).replace("record", "distinct record"))
                    .append("): the seed runbook's one row per event; ")
                    .append(repeats == 1 ? "sending it reclusters that record again for nothing"
                            : "sending them reclusters those records again for nothing");
        }
        long blank = count(ProblemCode.ID_WHITESPACE);
        if (blank > 0) {
            if (why.length() > 0) {
                why.append("; ");
            }
            why.append(Text.count(blank)).append(blank == 1 ? " id has" : " ids have")
                    .append(" blank space at either end: the service looks them up as written and will not find them");
        }
        return why.length() == 0 ? Optional.empty() : Optional.of(why.toString());
    }

    /** Whether a de-duplicated copy would differ from the file: the same record is listed more than once. */
    public boolean hasDuplicates() {
        return count(ProblemCode.DUPLICATE_RECORD) > 0;
    }

    public long errorCount() {
        return countOf(Severity.ERROR);
    }

    public long warningCount() {
        return countOf(Severity.WARNING);
    }

    public long count(ProblemCode code) {
        return problemCounts.getOrDefault(code, 0L);
    }

    /** Problems of this code that were counted but not kept in {@link #problems}. */
    public long notShown(ProblemCode code) {
        long kept = problems.stream().filter(p -> p.code() == code).count();
        return count(code) - kept;
    }

    public Optional<Problem> firstError() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).findFirst();
    }

    public long count(SourceSystem system) {
        return bySourceSystem.get(system);
    }

    /**
     * Requests needed to send the file in batches of {@code batchSize}. Counted on all records, duplicates
     * included, because the send step sends the records as they are in the file.
     */
    public long batches(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        return (records + batchSize - 1) / batchSize;
    }

    private long countOf(Severity severity) {
        long total = 0;
        for (Map.Entry<ProblemCode, Long> e : problemCounts.entrySet()) {
            if (e.getKey().severity() == severity) {
                total += e.getValue();
            }
        }
        return total;
    }
}
