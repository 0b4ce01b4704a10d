package uk.gov.justice.digital.hmpps.rollbackconsole.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hands items produced on a worker thread to the UI thread in batches. At most one drain is queued on the UI
 * executor at a time, so a fast producer (hundreds of thousands of rows a second) cannot flood the UI thread:
 * each drain takes everything that piled up since the previous one.
 */
public final class ChunkedDelivery<T> {

    private final Executor uiExecutor;
    private final Consumer<List<T>> consumer;
    private final Object lock = new Object();
    private List<T> pending = new ArrayList<>();
    private boolean drainQueued;

    public ChunkedDelivery(Executor uiExecutor, Consumer<List<T>> consumer) {
        this.uiExecutor = uiExecutor;
        this.consumer = consumer;
    }

    /** Called on the worker thread. */
    public void offer(T item) {
        boolean schedule;
        synchronized (lock) {
            pending.add(item);
            schedule = !drainQueued;
            drainQueued = true;
        }
        if (schedule) {
            uiExecutor.execute(this::drain);
        }
    }

    /** Runs on the UI thread; also called once at the end so that nothing is left behind. */
    public void drain() {
        List<T> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            drainQueued = false;
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
