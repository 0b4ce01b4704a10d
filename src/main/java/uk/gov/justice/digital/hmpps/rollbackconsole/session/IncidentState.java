package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.BatchAnswered;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.BatchSending;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.BatchesPlanned;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Connected;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.CountsTaken;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.CutoffSet;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Decision;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Exported;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.FileWritten;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.IncidentStarted;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Phase;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.PodChosen;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.PreviewTaken;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.ReportWritten;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.RunCounted;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.StatisticsTaken;

/**
 * What a journal says about its incident: where it stopped, what was chosen and produced, and above all which
 * batches reached the service. Derived from the entries alone, so a journal read after a crash gives the same
 * answer the running console had.
 *
 * @param step     the step of the latest entry that belongs to one: where the incident stopped
 * @param finished a report was written
 * @param note     what reading the journal found worth saying (a torn last line), if anything
 */
public record IncidentState(Path folder, List<JournalLine> lines, Optional<String> note, IncidentStep step,
                            boolean finished, Instant started, String appVersion, Environment environment,
                            Optional<Connected> connection, Optional<CutoffSet> cutoff, Optional<CountsTaken> counts,
                            Optional<PreviewTaken> preview, Optional<Exported> export, Optional<PodChosen> pod,
                            Optional<BatchesPlanned> plan, List<BatchState> batches, List<RunCounted> runs,
                            Optional<ClusterStatistics> statisticsBefore, Optional<ClusterStatistics> statisticsAfter,
                            List<Decision> decisions, List<FileWritten> files, List<ReportWritten> reports) {

    public IncidentState {
        lines = List.copyOf(lines);
        batches = List.copyOf(batches);
        runs = List.copyOf(runs);
        decisions = List.copyOf(decisions);
        files = List.copyOf(files);
        reports = List.copyOf(reports);
    }

    public static IncidentState of(Path folder, JournalContents contents) {
        IncidentStep step = IncidentStep.CONNECT;
        Instant started = null;
        String appVersion = null;
        Environment environment = null;
        Connected connection = null;
        CutoffSet cutoff = null;
        CountsTaken counts = null;
        PreviewTaken preview = null;
        Exported export = null;
        PodChosen pod = null;
        BatchesPlanned plan = null;
        TreeMap<Integer, BatchState> batches = new TreeMap<>();
        List<RunCounted> runs = new ArrayList<>();
        ClusterStatistics before = null;
        ClusterStatistics after = null;
        List<Decision> decisions = new ArrayList<>();
        List<FileWritten> files = new ArrayList<>();
        List<ReportWritten> reports = new ArrayList<>();

        for (JournalLine line : contents.lines()) {
            JournalEntry e = line.entry();
            step = e.step().orElse(step);
            if (e instanceof IncidentStarted s) {
                started = started == null ? line.at() : started;
                appVersion = s.appVersion();
                environment = s.environment();
            } else if (e instanceof Connected c) {
                connection = c;
            } else if (e instanceof CutoffSet c) {
                cutoff = c;
            } else if (e instanceof CountsTaken c) {
                counts = c;
            } else if (e instanceof PreviewTaken p) {
                preview = p;
            } else if (e instanceof Exported x) {
                export = x;
            } else if (e instanceof PodChosen p) {
                pod = p;
            } else if (e instanceof BatchesPlanned p) {
                plan = p;
                for (int i = 1; i <= p.batches(); i++) {
                    batches.putIfAbsent(i, BatchState.planned(i));
                }
            } else if (e instanceof BatchSending s) {
                batches.put(s.index(), batches.getOrDefault(s.index(), BatchState.planned(s.index()))
                        .sending(s, line.at()));
            } else if (e instanceof BatchAnswered a) {
                batches.put(a.index(), batches.getOrDefault(a.index(), BatchState.planned(a.index()))
                        .answered(a, line.at()));
            } else if (e instanceof JournalEntry.RunObserved o && o.batchIndex() != null
                    && batches.containsKey(o.batchIndex())
                    && (JournalEntry.RunObserved.TAKEN.equals(o.kind()) || JournalEntry.RunObserved.REFUSED.equals(o.kind()))) {
                batches.put(o.batchIndex(), batches.get(o.batchIndex()).settledByLog(
                        JournalEntry.RunObserved.TAKEN.equals(o.kind()) ? BatchOutcome.SENT : BatchOutcome.REJECTED));
            } else if (e instanceof JournalEntry.SettledFromLog f && batches.containsKey(f.batchIndex())) {
                // What the pod's log showed on carrying on: taken (done, or ended part way), or never taken.
                batches.put(f.batchIndex(), batches.get(f.batchIndex()).settledByLog(
                        JournalEntry.SettledFromLog.NOT_TAKEN.equals(f.found()) ? BatchOutcome.REJECTED
                                : JournalEntry.SettledFromLog.UNKNOWN.equals(f.found()) ? BatchOutcome.OUTCOME_UNKNOWN
                                : BatchOutcome.SENT));
            } else if (e instanceof RunCounted r) {
                runs.add(r);
            } else if (e instanceof StatisticsTaken s) {
                if (s.phase() == Phase.BEFORE) {
                    before = s.statistics();
                } else {
                    after = s.statistics();
                }
            } else if (e instanceof Decision d) {
                decisions.add(d);
                if (d.kind() == DecisionKind.RESEND_BATCH && d.batchIndex() != null
                        && batches.containsKey(d.batchIndex())) {
                    batches.put(d.batchIndex(), batches.get(d.batchIndex()).allowResend());
                }
            } else if (e instanceof FileWritten f) {
                files.add(f);
            } else if (e instanceof ReportWritten r) {
                reports.add(r);
            }
        }
        return new IncidentState(folder, contents.lines(), contents.note(), step, !reports.isEmpty(), started,
                appVersion, environment, Optional.ofNullable(connection), Optional.ofNullable(cutoff),
                Optional.ofNullable(counts), Optional.ofNullable(preview), Optional.ofNullable(export),
                Optional.ofNullable(pod), Optional.ofNullable(plan), new ArrayList<>(batches.values()), runs,
                Optional.ofNullable(before), Optional.ofNullable(after), decisions, files, reports);
    }

    /** When the recluster ran: from the first batch sent to the last thing its runs answered or logged. */
    public record RunWindow(Instant from, Instant to) {
    }

    /** The recluster window as the journal records it; empty when no batch was sent. */
    public Optional<RunWindow> reclusterWindow() {
        Instant from = null;
        Instant to = null;
        for (JournalLine line : lines) {
            JournalEntry e = line.entry();
            if (e instanceof BatchSending && from == null) {
                from = line.at();
            }
            if (from != null && (e instanceof BatchSending || e instanceof BatchAnswered
                    || e instanceof JournalEntry.LogMilestone || e instanceof RunCounted
                    || e instanceof JournalEntry.RunObserved || e instanceof JournalEntry.NotFoundIds)) {
                to = line.at();
            }
        }
        return from == null ? Optional.empty() : Optional.of(new RunWindow(from, to));
    }

    /** What the journal last said of the needs-attention job during the recluster window; empty if never read. */
    public Optional<JournalEntry.NeedsAttentionJobSeen> needsAttentionJob() {
        return last(JournalEntry.NeedsAttentionJobSeen.class);
    }

    /** The cluster target the incident last used, as journalled; empty when no step used one. */
    public Optional<JournalEntry.ClusterTargetSet> clusterTarget() {
        return last(JournalEntry.ClusterTargetSet.class);
    }

    /** The clock the incident chose for event_log, as last journalled; empty in a journal written before the choice existed. */
    public Optional<JournalEntry.ClockChosen> eventClock() {
        return last(JournalEntry.ClockChosen.class);
    }

    /** The journal's last entry of a kind; empty when it has none. */
    private <T extends JournalEntry> Optional<T> last(Class<T> kind) {
        T last = null;
        for (JournalLine line : lines) {
            if (kind.isInstance(line.entry())) {
                last = kind.cast(line.entry());
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * True for a journal written before the console read event_log in UK time: it has a window or a cutoff but no
     * clock was ever chosen, so its windows were compared as UTC wall-clock time.
     */
    public boolean windowsInUtcBeforeClockChoice() {
        return eventClock().isEmpty() && (cutoff.isPresent() || counts.isPresent() || preview.isPresent());
    }

    /** Every send's record, oldest first: each front end writes one before the first request of a file. */
    public List<JournalEntry.SendStarted> sends() {
        return lines.stream().map(JournalLine::entry).filter(JournalEntry.SendStarted.class::isInstance)
                .map(JournalEntry.SendStarted.class::cast).toList();
    }

    /** The first send's record: the file the incident sends, where it came from, and how it was cut. */
    public Optional<JournalEntry.SendStarted> send() {
        return sends().stream().findFirst();
    }

    /**
     * For a batch whose latest run is known to have ended before Complete (it died, fell silent, its pod went, as
     * journalled during the run or settled from the log on carrying on): how many of its records, from its first, the
     * log proves done. Empty when no such end is journalled since the batch's latest send.
     */
    public Optional<Integer> endedWithProven(int batch) {
        Integer proven = null;
        for (JournalLine line : lines) {
            JournalEntry e = line.entry();
            if (e instanceof BatchSending s && s.index() == batch) {
                proven = null;
            } else if (e instanceof JournalEntry.RunObserved o && o.batchIndex() != null && o.batchIndex() == batch
                    && o.provenDone() != null && ENDINGS.contains(o.kind())) {
                proven = o.provenDone();
            } else if (e instanceof JournalEntry.SettledFromLog f && f.batchIndex() == batch) {
                proven = f.ended() ? Integer.valueOf(f.provenDone()) : null;
            }
        }
        return Optional.ofNullable(proven);
    }

    private static final java.util.Set<String> ENDINGS = java.util.Set.of("DIED", "STALLED", "LOG_ENDED");

    /** What the recluster changed, as the journal last recorded it. */
    public Optional<JournalEntry.ChangesTaken> changes() {
        return last(JournalEntry.ChangesTaken.class);
    }

    /** Every reading of the clusters left, oldest first: the review queue draining over the days. */
    public List<JournalEntry.PathsTaken> pathsTaken() {
        return lines.stream().map(JournalLine::entry).filter(JournalEntry.PathsTaken.class::isInstance)
                .map(JournalEntry.PathsTaken.class::cast).toList();
    }

    public List<BatchState> batchesWith(BatchOutcome outcome) {
        return batches.stream().filter(b -> b.outcome() == outcome).toList();
    }

    /** The batches the service took. */
    public List<BatchState> sent() {
        return batchesWith(BatchOutcome.SENT);
    }

    /** Started but with no answer recorded: may have run; not to be sent again without a decision. */
    public List<BatchState> outcomeUnknown() {
        return batchesWith(BatchOutcome.OUTCOME_UNKNOWN);
    }

    /** Known not to have reached a run: never started, or refused by the service. */
    public List<BatchState> notSent() {
        return batches.stream().filter(b -> !b.mayHaveRun()).toList();
    }

    public Optional<BatchState> batch(int index) {
        return batches.stream().filter(b -> b.index() == index).findFirst();
    }

    /**
     * The records of the batches the service took, each counted once. A batch whose run ended part way (its pod died,
     * its run died or stalled) and whose rest was then sent counts the records its log proved done as well as the
     * rest: the latest send alone holds only the rest.
     */
    public long recordsSent() {
        java.util.Map<Integer, Long> carried = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> provenSinceSend = new java.util.HashMap<>();
        java.util.Map<Integer, RecordKey> firstSent = new java.util.HashMap<>();
        for (JournalLine line : lines) {
            JournalEntry e = line.entry();
            if (e instanceof BatchSending s) {
                RecordKey batchFirst = firstSent.putIfAbsent(s.index(), s.first());
                Integer proven = provenSinceSend.remove(s.index());
                if (batchFirst == null || batchFirst.equals(s.first())) {
                    // the batch from its first record: nothing done before is left out of this send
                    carried.remove(s.index());
                } else if (proven != null) {
                    // the rest of a run that ended part way: what its log proved done is not in this send
                    carried.merge(s.index(), proven.longValue(), Long::sum);
                }
            } else if (e instanceof JournalEntry.RunObserved o && o.batchIndex() != null && o.provenDone() != null
                    && ENDINGS.contains(o.kind())) {
                provenSinceSend.put(o.batchIndex(), o.provenDone());
            } else if (e instanceof JournalEntry.SettledFromLog f && f.ended()) {
                provenSinceSend.put(f.batchIndex(), f.provenDone());
            }
        }
        return sent().stream().mapToLong(b -> b.records() + carried.getOrDefault(b.index(), 0L)).sum();
    }

    /**
     * The records the service logged as not found, each once: the ids of every run, those that reached Complete
     * and those that ended part way (whose proven part is never sent again, so their ids are journalled alone). A
     * journal with no ids counts its finished runs.
     */
    public long notFound() {
        List<String> ids = notFoundIds();
        return ids.isEmpty() ? runs.stream().mapToLong(RunCounted::notFound).sum() : ids.size();
    }

    /** The source system ids the service logged as not found, over every batch, each once, in journal order. */
    public List<String> notFoundIds() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (JournalLine line : lines) {
            if (line.entry() instanceof JournalEntry.NotFoundIds n) {
                ids.addAll(n.ids());
            }
        }
        return List.copyOf(ids);
    }

    public long skipped() {
        return runs.stream().mapToLong(RunCounted::skipped).sum();
    }
    /**
     * The batches the journal settles: the service took it and its pod's log was seen saying it is complete (since
     * its latest send), or the user decided to skip it (and did not decide later to send it again).
     */
    public List<BatchState> settled() {
        java.util.Set<Integer> complete = new java.util.HashSet<>();
        java.util.Set<Integer> skipped = new java.util.HashSet<>();
        for (JournalLine line : lines) {
            JournalEntry e = line.entry();
            if (e instanceof BatchSending s) {
                complete.remove(s.index());
            } else if (e instanceof JournalEntry.LogMilestone m && m.milestone().contains("Complete")
                    && !m.milestone().contains("Upsert")) {
                complete.add(m.batchIndex());
            } else if (e instanceof JournalEntry.SettledFromLog f
                    && JournalEntry.SettledFromLog.COMPLETE.equals(f.found())) {
                complete.add(f.batchIndex());
            } else if (e instanceof Decision d && d.batchIndex() != null) {
                if (d.kind() == DecisionKind.SKIP_BATCH) {
                    skipped.add(d.batchIndex());
                } else if (d.kind() == DecisionKind.RESEND_BATCH) {
                    skipped.remove(d.batchIndex());
                }
            }
        }
        return batches.stream().filter(b -> skipped.contains(b.index())
                || (b.outcome() == BatchOutcome.SENT && complete.contains(b.index()))).toList();
    }

    /** The batches not {@link #settled()}: what is left of the recluster run. */
    public List<BatchState> unsettled() {
        List<BatchState> settled = settled();
        return batches.stream().filter(b -> !settled.contains(b)).toList();
    }

    /**
     * The recluster run is over: the send was planned and every batch of the plan is settled. What is left is the
     * Outcome step: the after statistics and the report.
     */
    public boolean sendFinished() {
        return plan.isPresent() && !batches.isEmpty() && unsettled().isEmpty();
    }

    /** Some batch may have reached the service, and not every one is settled: it stopped during the run. */
    public boolean stoppedDuringRun() {
        return batches.stream().anyMatch(BatchState::mayHaveRun) && !sendFinished();
    }
}
