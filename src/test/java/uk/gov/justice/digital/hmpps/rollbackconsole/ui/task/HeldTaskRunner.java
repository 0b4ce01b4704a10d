package uk.gov.justice.digital.hmpps.rollbackconsole.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Holds work until the test lets it run, as a busy pool would, so that a test can look at a screen while its work
 * is pending and cancel it; the work and its callbacks then run on the thread that calls {@link #runAll()}.
 */
public final class HeldTaskRunner implements TaskRunner {

    private final Deque<Runnable> held = new ArrayDeque<>();
    private final DirectTaskRunner direct = new DirectTaskRunner();

    @Override
    public synchronized <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        held.add(() -> direct.run(work, onSuccess, onFailure));
    }

    @Override
    public Executor uiExecutor() {
        return Runnable::run;
    }

    public void runAll() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    private synchronized Runnable poll() {
        return held.poll();
    }
}
