package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

/**
 * The running incident's journal, as the steps use it. The incident starts (its folder and journal are created) at
 * the first connection. Entries the user waits for nobody to see are written in order on one background thread,
 * so the window never waits on a disk; an entry that must be on disk before the console acts (a batch about to be
 * sent) is written with {@link #recordNow}, which returns only once it is.
 */
public final class IncidentRecorder implements AutoCloseable {

    private final IncidentStore store;
    private final String appVersion;
    private final Consumer<String> onFailure;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "incident-journal");
        t.setDaemon(true);
        return t;
    });
    // Guarded by this.
    private IncidentJournal journal;
    // Why no batch may be sent in this incident now; null when batches may be sent.
    private volatile String batchesRefused;

    /** @param onFailure told, on the writer's thread, when an entry could not be written */
    public IncidentRecorder(IncidentStore store, String appVersion, Consumer<String> onFailure) {
        this.store = Objects.requireNonNull(store, "store");
        this.appVersion = Objects.requireNonNull(appVersion, "appVersion");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    /** Starts the incident if it has not started yet; later connections go into the same journal. */
    public void start(Environment environment) {
        writer.execute(() -> {
            try {
                startNow(environment);
            } catch (IOException e) {
                onFailure.accept("The incident journal could not be started in " + store.root() + ": " + e.getMessage());
            }
        });
    }

    /**
     * Carries on an earlier incident: its journal (a torn last line cut off and kept beside it) becomes this
     * recorder's, and every later entry is appended to it. Returns the incident as it stands, the resumption
     * recorded. Refused when this recorder has an incident already.
     */
    public IncidentState resume(Path folder) throws IOException {
        try {
            writer.submit(() -> {
                synchronized (this) {
                    if (journal != null) {
                        throw new IOException("this window has an incident already (" + journal.folder().getFileName()
                                + "); open the console again to carry on another");
                    }
                    journal = store.resume(folder);
                }
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted before the journal was opened", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        return state();
    }

    /**
     * From now on no batch is recorded as about to be sent, so none is sent: {@link #recordNow} refuses a
     * {@link JournalEntry.BatchSending} with {@code reason}. For a resumed incident whose batches may have run.
     */
    public void refuseBatches(String reason) {
        batchesRefused = Objects.requireNonNull(reason, "reason");
    }

    /** Lets batches be sent again, once what is sent no longer includes any that may have run. */
    public void allowBatches() {
        batchesRefused = null;
    }

    /** Why no batch may be sent now, if so. */
    public Optional<String> batchesRefused() {
        return Optional.ofNullable(batchesRefused);
    }

    /** Appends in order, in the background. Entries before {@link #start} are dropped: there is no incident yet. */
    public void record(JournalEntry entry) {
        try {
            writer.execute(() -> {
                IncidentJournal j = current();
                if (j == null) {
                    return;
                }
                try {
                    j.append(entry);
                } catch (IOException e) {
                    onFailure.accept("The incident journal could not record " + JournalCodec.type(entry) + ": "
                            + e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // A reading that finished after its window closed the incident (the needs-attention job's runs, read
            // in the background): said, never thrown into the finished reading.
            onFailure.accept("The incident journal was already closed; " + JournalCodec.type(entry)
                    + " was not recorded.");
        }
    }

    /**
     * Appends and returns only when the entry is on disk, after every entry recorded before it. For what must be
     * in the journal before the console acts; throws when it could not be written, so the act does not happen.
     */
    public void recordNow(JournalEntry entry) throws IOException {
        String refused = batchesRefused;
        if (refused != null && entry instanceof JournalEntry.BatchSending) {
            throw new IOException(refused);
        }
        try {
            writer.submit(() -> {
                IncidentJournal j = current();
                if (j == null) {
                    throw new IOException("no incident has started: connect first");
                }
                j.append(entry);
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted before the journal entry was written", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** The folder every incident on this machine is in: what {@link SendGuard} reads. */
    public Path incidentsRoot() {
        return store.root();
    }

    /** The incident's folder, once it has started. */
    public synchronized Optional<Path> folder() {
        return Optional.ofNullable(journal).map(IncidentJournal::folder);
    }

    /** Reads the incident back as it stands, after everything recorded so far is on disk. */
    public IncidentState state() throws IOException {
        flush();
        Path folder = folder().orElseThrow(() -> new IOException("no incident has started: connect first"));
        return store.open(folder);
    }

    /** Waits until every entry recorded so far is written. */
    public void flush() throws IOException {
        try {
            writer.submit(() -> null).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the incident journal did not catch up: " + e.getMessage(), e);
        }
    }

    private synchronized IncidentJournal current() {
        return journal;
    }

    private synchronized void startNow(Environment environment) throws IOException {
        if (journal == null) {
            journal = store.start(environment, appVersion);
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (journal != null) {
                try {
                    journal.close();
                } catch (IOException ignored) {
                    // Every entry was forced to disk as it was written; closing adds nothing to lose.
                }
                journal = null;
            }
        }
    }
}
