package uk.gov.justice.digital.hmpps.rollbackconsole.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs slow work (JDBC, file I/O) away from the UI thread and delivers its outcome on the UI thread.
 * View-models depend on this interface only, so tests drive them with a synchronous twin.
 */
public interface TaskRunner {

    /** Starts {@code work}; exactly one of the callbacks is then called on the UI thread. */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Where results are delivered: the FX application thread in the app, the calling thread in tests. */
    Executor uiExecutor();
}
