package uk.gov.justice.digital.hmpps.rollbackconsole.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ChunkedDeliveryTest {

    @Test
    void aFastProducerQueuesOnlyOneDrainAtATimeAndLosesNothing() throws Exception {
        ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        List<List<Integer>> batches = new ArrayList<>();
        ChunkedDelivery<Integer> delivery = new ChunkedDelivery<>(uiQueue::add, batches::add);

        ExecutorService worker = Executors.newSingleThreadExecutor();
        worker.submit(() -> {
            for (int i = 0; i < 100_000; i++) {
                delivery.offer(i);
            }
        }).get(10, TimeUnit.SECONDS);
        worker.shutdown();

        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        delivery.drain();

        List<Integer> all = batches.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(100_000);
        assertThat(all.get(0)).isZero();
        assertThat(all.get(99_999)).isEqualTo(99_999);
        assertThat(batches).hasSize(1);
    }

    @Test
    void itemsOfferedAfterADrainAreDeliveredByTheNextOne() {
        ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        List<List<String>> batches = new ArrayList<>();
        ChunkedDelivery<String> delivery = new ChunkedDelivery<>(uiQueue::add, batches::add);

        delivery.offer("a");
        uiQueue.poll().run();
        delivery.offer("b");
        delivery.offer("c");
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();

        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"));
    }
}
