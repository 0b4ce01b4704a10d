package uk.gov.justice.digital.hmpps.rollbackconsole.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;

class QueryRunsTest {

    private static final class CountingQuery implements ReplicaQuery<Long> {
        final AtomicInteger cancelled = new AtomicInteger();

        @Override
        public Long run() {
            return 0L;
        }

        @Override
        public void cancel() {
            cancelled.incrementAndGet();
        }
    }

    @Test
    void aRestartCancelsWhatRunsAndTurnsTheOldRunsResultsStale() {
        QueryRuns runs = new QueryRuns();
        long first = runs.restart();
        CountingQuery q = new CountingQuery();
        assertThat(runs.register(first, "records", q)).isTrue();

        long second = runs.restart();

        assertThat(q.cancelled).hasValue(1);
        assertThat(runs.isCurrent(first)).isFalse();
        assertThat(runs.isCurrent(second)).isTrue();
        CountingQuery late = new CountingQuery();
        assertThat(runs.register(first, "records", late)).as("a query of the old run is refused").isFalse();
        assertThat(runs.cancelAll()).isEmpty();
    }

    @Test
    void cancellingKeepsTheRunAndNamesWhatItStopped() {
        QueryRuns runs = new QueryRuns();
        long run = runs.current();
        CountingQuery statistics = new CountingQuery();
        runs.register(run, "statistics", statistics);
        runs.register(run, "records", new CountingQuery());
        runs.forget(run, "records");

        assertThat(runs.cancelAll()).containsExactly("statistics");
        assertThat(statistics.cancelled).hasValue(1);
        assertThat(runs.isCurrent(run)).isTrue();
    }
}
