package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * A stand-in for the UI thread without the toolkit: one thread on which the test calls the view-model and to which
 * the run's reports are delivered, as the FX thread is in the app. Work runs synchronously on it, as with the
 * direct runner, so a view-model's state is only ever touched by this one thread.
 */
final class OneUiThread implements TaskRunner, AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public Executor uiExecutor() {
        return thread;
    }

    void call(Runnable r) {
        get(() -> {
            r.run();
            return null;
        });
    }

    <T> T get(Callable<T> c) {
        try {
            return thread.submit(c).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the condition, read on the UI thread, holds. */
    void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!get(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
