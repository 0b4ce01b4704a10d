package uk.gov.justice.digital.hmpps.rollbackconsole.ui.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;

/**
 * The replica queries a view-model has running, by name, and which run of them is current. A step that starts its
 * queries again (another cutoff, another preview) restarts: the running ones are cancelled on the server, and the
 * late results of the old run are recognised as stale and dropped. Read by worker threads and the UI thread alike.
 */
public final class QueryRuns {

    private final Map<String, ReplicaQuery<?>> running = new HashMap<>();
    private long run;

    /** The current run, to be handed to the work started for it. */
    public synchronized long current() {
        return run;
    }

    /** Cancels every running query and starts a new run; returns it. */
    public long restart() {
        List<ReplicaQuery<?>> stop;
        long next;
        synchronized (this) {
            stop = List.copyOf(running.values());
            running.clear();
            next = ++run;
        }
        stop.forEach(ReplicaQuery::cancel);
        return next;
    }

    /** Cancels every running query, keeping the run (what they had shown stays); returns the names cancelled. */
    public Set<String> cancelAll() {
        Map<String, ReplicaQuery<?>> stop;
        synchronized (this) {
            stop = Map.copyOf(running);
        }
        stop.values().forEach(ReplicaQuery::cancel);
        return stop.keySet();
    }

    /** Records a query about to run; false, recording nothing, when its run is no longer current. */
    public synchronized boolean register(long forRun, String name, ReplicaQuery<?> query) {
        if (forRun != run) {
            return false;
        }
        running.put(name, query);
        return true;
    }

    /** The query has ended. */
    public synchronized void forget(long forRun, String name) {
        if (forRun == run) {
            running.remove(name);
        }
    }

    public synchronized boolean isCurrent(long forRun) {
        return forRun == run;
    }
}
