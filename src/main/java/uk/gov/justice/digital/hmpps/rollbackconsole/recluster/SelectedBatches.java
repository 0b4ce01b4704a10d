package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Some of a file's batches, cut exactly as the first run cut them (same batch size, same body limit, so batch k is
 * the same records), led by any batches given in full, such as the undone rest of a batch whose pod died. This is
 * how a run carries on after it ended: on another pod, after a decision about a batch of unknown outcome, or from
 * an incident's journal. A batch left out is read past and never sent.
 */
public final class SelectedBatches implements BatchSource {

    private final ReclusterBatches file;
    private final Deque<Batch> leading;
    private final IntPredicate include;

    private SelectedBatches(ReclusterBatches file, List<Batch> leading, IntPredicate include) {
        this.file = file;
        this.leading = new ArrayDeque<>(leading);
        this.include = include;
    }

    /**
     * @param leading sent first, in this order
     * @param include which of the file's batch numbers are sent after them
     */
    public static SelectedBatches open(Path file, int batchSize, int maxBodyBytes, List<Batch> leading,
                                       IntPredicate include) throws java.io.IOException {
        Objects.requireNonNull(leading, "leading");
        Objects.requireNonNull(include, "include");
        return new SelectedBatches(ReclusterBatches.open(file, batchSize, maxBodyBytes), List.copyOf(leading), include);
    }

    @Override
    public Optional<Batch> next() throws Exception {
        if (!leading.isEmpty()) {
            return Optional.of(leading.poll());
        }
        for (Optional<Batch> b = file.next(); b.isPresent(); b = file.next()) {
            if (include.test(b.get().number())) {
                return b;
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws Exception {
        file.close();
    }
}
