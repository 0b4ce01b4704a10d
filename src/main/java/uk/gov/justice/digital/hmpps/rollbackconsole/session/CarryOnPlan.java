package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;

/**
 * What carrying an unfinished incident on sends, from its journal alone (after the pod's log has settled what it
 * could): the file and how it was cut, batches never sent or known not taken, the undone rest of each batch whose
 * run is known to have ended part way, and what is not sent again. A batch whose fate nothing proves is listed for a
 * decision, never sent on its own.
 *
 * @param origin         where the file came from (SendStarted's EXPORT, REVIEW or FILE)
 * @param leading        the undone rests of batches whose runs ended part way, sent first
 * @param include        the file's batches sent whole
 * @param knownBatches   the highest batch the journal knows of; any batch after it was never sent
 * @param notSentAgain   batches done, or decided as done, or of unknown outcome decided to be skipped
 * @param needDecision   batches of unknown outcome with no decision yet
 * @param stalled        batches whose run fell silent: their rests are in {@code leading}, but the run could carry on
 * @param takenNotSeen   batches taken but whose run was never seen to end or complete: the log must be read first
 */
public record CarryOnPlan(Path file, String sha256, String origin, int batchSize, String namespace, String pod,
                          List<Batch> leading, Set<Integer> include, int knownBatches, List<Integer> notSentAgain,
                          List<BatchState> needDecision, List<Integer> stalled, List<BatchState> takenNotSeen) {

    public CarryOnPlan {
        leading = List.copyOf(leading);
        include = Set.copyOf(include);
        notSentAgain = List.copyOf(notSentAgain);
        needDecision = List.copyOf(needDecision);
        stalled = List.copyOf(stalled);
        takenNotSeen = List.copyOf(takenNotSeen);
    }

    /** The file, its digest, origin and batch size the incident sends; empty when its journal names none. */
    public record SentFile(Path file, String sha256, String origin, int batchSize) {
    }

    public static Optional<SentFile> sentFile(IncidentState state) {
        int size = state.plan().map(JournalEntry.BatchesPlanned::maxRecordsPerBatch)
                .orElseGet(() -> state.batches().stream().mapToInt(BatchState::records).max()
                        .orElse(ReclusterBatches.DEFAULT_BATCH_SIZE));
        if (size < 1) {
            size = ReclusterBatches.DEFAULT_BATCH_SIZE;
        }
        Optional<JournalEntry.SendStarted> send = state.send();
        if (send.isPresent()) {
            JournalEntry.SendStarted s = send.get();
            return Optional.of(new SentFile(s.file(), s.sha256(), s.origin(), s.batchSize()));
        }
        if (state.export().isPresent()) {
            return Optional.of(new SentFile(state.export().get().path(), state.export().get().sha256(),
                    JournalEntry.SendStarted.EXPORT, size));
        }
        int n = size;
        return state.files().stream().filter(f -> SendGuard.LEGACY_SENT_FILE.equals(f.purpose())).findFirst()
                .map(f -> new SentFile(f.path(), f.sha256(), JournalEntry.SendStarted.FILE, n));
    }

    /** @throws IOException when the file cannot be read to cut the rests of batches that ended part way */
    public static Optional<CarryOnPlan> of(IncidentState state) throws IOException {
        Optional<SentFile> sent = sentFile(state);
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        SentFile f = sent.get();
        Set<Integer> settled = new HashSet<>();
        state.settled().forEach(b -> settled.add(b.index()));
        Set<Integer> include = new HashSet<>();
        List<Integer> notAgain = new ArrayList<>();
        List<BatchState> decide = new ArrayList<>();
        List<Integer> stalled = new ArrayList<>();
        List<BatchState> notSeen = new ArrayList<>();
        List<BatchState> ended = new ArrayList<>();
        for (BatchState b : state.batches()) {
            if (settled.contains(b.index())) {
                notAgain.add(b.index());
            } else if (b.mayBeSent()) {
                include.add(b.index());
            } else if (b.outcome() == BatchOutcome.OUTCOME_UNKNOWN) {
                decide.add(b);
            } else if (state.endedWithProven(b.index()).isPresent()) {
                ended.add(b);
                if (stalledLast(state, b.index())) {
                    stalled.add(b.index());
                }
            } else {
                notSeen.add(b);
            }
        }
        List<Batch> leading = ended.isEmpty() ? List.of() : rests(state, f, ended);
        int known = state.batches().stream().mapToInt(BatchState::index).max().orElse(0);
        String namespace = state.pod().map(JournalEntry.PodChosen::namespace)
                .orElseGet(() -> state.send().map(JournalEntry.SendStarted::namespace).orElse(null));
        String pod = state.pod().map(JournalEntry.PodChosen::pod)
                .orElseGet(() -> state.send().map(JournalEntry.SendStarted::pod).orElse(null));
        return Optional.of(new CarryOnPlan(f.file(), f.sha256(), f.origin(), f.batchSize(), namespace, pod, leading,
                include, known, notAgain, decide, stalled, notSeen));
    }

    /** Whether the file's batch is to be sent whole: listed, or after every batch the journal knows. */
    public boolean sendsWhole(int number) {
        return include.contains(number) || number > knownBatches;
    }

    public boolean nothingToSend(int fileBatches) {
        return leading.isEmpty() && include.isEmpty() && knownBatches >= fileBatches;
    }

    private static boolean stalledLast(IncidentState state, int batch) {
        String kind = null;
        for (JournalLine line : state.lines()) {
            JournalEntry e = line.entry();
            if (e instanceof JournalEntry.RunObserved o && o.batchIndex() != null && o.batchIndex() == batch
                    && o.provenDone() != null) {
                kind = o.kind();
            } else if (e instanceof JournalEntry.SettledFromLog s && s.batchIndex() == batch) {
                kind = s.found();
            }
        }
        return "STALLED".equals(kind);
    }

    /** The records of each ended batch after those its log proves done, cut from the file as the batch was. */
    private static List<Batch> rests(IncidentState state, SentFile f, List<BatchState> ended) throws IOException {
        List<Batch> rests = new ArrayList<>();
        try (ReclusterBatches file = ReclusterBatches.open(f.file(), f.batchSize(), ReclusterBatches.DEFAULT_MAX_BODY_BYTES)) {
            for (Optional<Batch> next = file.next(); next.isPresent(); next = file.next()) {
                Batch whole = next.get();
                for (BatchState b : ended) {
                    if (b.index() != whole.number()) {
                        continue;
                    }
                    List<RecordKey> keys = whole.records();
                    // The latest attempt may itself have been the rest of the batch: count from its first record.
                    int offset = b.first() == null ? 0 : Math.max(0, keys.indexOf(b.first()));
                    int from = offset + state.endedWithProven(b.index()).orElse(0);
                    if (from < keys.size()) {
                        rests.add(ReclusterBatches.batchOf(whole.number(), whole.firstRecord() + from,
                                keys.subList(from, keys.size())));
                    }
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(f.file() + " cannot be cut into batches again: " + e.getMessage(), e);
        }
        return rests;
    }
}
