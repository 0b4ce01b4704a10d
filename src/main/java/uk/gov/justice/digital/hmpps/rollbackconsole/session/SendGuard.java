package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;

/**
 * The one check, for every front end, that a file is not sent twice: it reads every incident under the incidents
 * root (the folder the window and the command line both write to) and finds one that is sending or has sent a file
 * with the same bytes. A typed {@code send_started} with the file's SHA-256 says so; so does, in journals written
 * before it existed, the export's SHA-256 or the command line's "file sent" record with batches that may have run.
 * A journal that names its file only in a free-text note (the window's reviewed-file send, before
 * {@code send_started}) is matched on typed facts alone: its batches' first and last records and sizes, against
 * this file cut with the same batch size.
 */
public final class SendGuard {

    /** What the command line wrote before {@code send_started} existed. */
    static final String LEGACY_SENT_FILE = "file sent to POST /admin/recluster";

    /**
     * An incident that sends or sent the file.
     *
     * @param how      which journal entries say so, in a few words
     * @param finished every batch of the send is settled
     */
    public record PriorSend(Path incident, String how, boolean finished) {
        public PriorSend {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(how, "how");
        }

        /** The command that carries that incident on from the command line. */
        public String resumeCommand() {
            return "rollback-console recluster --resume " + incident;
        }

        /** One paragraph for a screen or a terminal: whose incident, what is known, and how to carry it on. */
        public String describe(Path file, String sha256) {
            return file + " (SHA-256 " + sha256 + ") was already sent in the incident " + incident + " (" + how + "; "
                    + (finished ? "every batch of it is settled" : "not every batch of it is settled") + "). Nothing"
                    + " was sent: sending it again would recluster every record again. "
                    + (finished ? "" : "To carry that incident on, sending only what was never sent: " + resumeCommand()
                    + " (or Resume it on the console's start screen).");
        }
    }

    private final Path root;

    public SendGuard(Path incidentsRoot) {
        this.root = Objects.requireNonNull(incidentsRoot, "incidentsRoot");
    }

    /**
     * The incident, other than {@code except}, that is sending or has sent a file with these bytes; empty when none.
     *
     * @param file   the file to be sent, read only when a journal from before {@code send_started} must be matched
     *               on its batches
     * @param except the incident doing the asking, if it has a folder already
     */
    public Optional<PriorSend> find(Path file, String sha256, Optional<Path> except) throws IOException {
        IncidentStore store = new IncidentStore(root, Clock.systemUTC());
        Map<Integer, List<Batch>> cut = new HashMap<>();
        for (IncidentSummary s : store.recent(Integer.MAX_VALUE)) {
            if (except.map(e -> same(e, s.folder())).orElse(false)) {
                continue;
            }
            IncidentState state;
            try {
                state = store.open(s.folder());
            } catch (IOException | RuntimeException e) {
                continue;
            }
            Optional<String> how = how(state, file, sha256, cut);
            if (how.isPresent()) {
                return Optional.of(new PriorSend(s.folder(), how.get(), state.sendFinished()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> how(IncidentState state, Path file, String sha256, Map<Integer, List<Batch>> cut)
            throws IOException {
        for (JournalEntry.SendStarted s : state.sends()) {
            if (sha256.equals(s.sha256())) {
                return Optional.of("its journal records the send of a file with these bytes, " + s.file()
                        + ", to pod " + s.pod());
            }
        }
        boolean mayHaveRun = state.batches().stream().anyMatch(BatchState::mayHaveRun);
        if (!mayHaveRun) {
            return Optional.empty();
        }
        boolean identified = !state.sends().isEmpty() || state.export().isPresent()
                || state.files().stream().anyMatch(f -> LEGACY_SENT_FILE.equals(f.purpose()));
        if (state.export().map(e -> sha256.equals(e.sha256())).orElse(false)) {
            return Optional.of("it exported a file with these bytes and sent batches of it");
        }
        if (state.files().stream().anyMatch(f -> LEGACY_SENT_FILE.equals(f.purpose()) && sha256.equals(f.sha256()))) {
            return Optional.of("the command line recorded sending a file with these bytes");
        }
        if (identified) {
            return Optional.empty();
        }
        return batchesMatch(state, file, cut) ? Optional.of("its journal names no file, but the first and last records"
                + " of the batches it sent are this file's, cut the same way") : Optional.empty();
    }

    /** Every batch that may have run has the first record, last record and size of this file's batch of that number. */
    private static boolean batchesMatch(IncidentState state, Path file, Map<Integer, List<Batch>> cut)
            throws IOException {
        int size = state.plan().map(JournalEntry.BatchesPlanned::maxRecordsPerBatch)
                .orElseGet(() -> state.batches().stream().mapToInt(BatchState::records).max().orElse(0));
        if (size < 1) {
            return false;
        }
        List<Batch> batches = cut.get(size);
        if (batches == null) {
            batches = new java.util.ArrayList<>();
            try (ReclusterBatches b = ReclusterBatches.open(file, size, ReclusterBatches.DEFAULT_MAX_BODY_BYTES)) {
                for (Optional<Batch> next = b.next(); next.isPresent(); next = b.next()) {
                    // The keys are enough to compare; the bodies are not kept.
                    batches.add(next.get());
                }
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                return false;
            }
            cut.put(size, batches);
        }
        boolean any = false;
        for (BatchState b : state.batches()) {
            if (!b.mayHaveRun() || b.first() == null) {
                continue;
            }
            if (b.index() > batches.size()) {
                return false;
            }
            List<RecordKey> keys = batches.get(b.index() - 1).records();
            if (!keys.get(keys.size() - 1).equals(b.last())
                    || !(keys.get(0).equals(b.first()) || keys.contains(b.first()))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
