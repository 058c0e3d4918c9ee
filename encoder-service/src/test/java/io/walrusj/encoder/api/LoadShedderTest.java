package io.walrusj.encoder.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoadShedderTest {

    @Test
    void admitsConcurrentPlusBufferedAndShedsTheRest() throws Exception {
        LoadShedder shedder = new LoadShedder(1, 1);
        LoadShedder.Permit running = shedder.tryAdmit().orElseThrow();
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch admitted = new CountDownLatch(1);
        Thread buffered = Thread.ofVirtual().start(() -> {
            try {
                waiting.countDown();
                try (LoadShedder.Permit p = shedder.tryAdmit().orElseThrow()) {
                    admitted.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.await();
        while (shedder.inFlight() < 2) {
            Thread.onSpinWait();
        }
        assertThat(shedder.tryAdmit()).isEmpty(); // one running, one waiting: full
        assertThat(admitted.getCount()).isEqualTo(1);
        running.close();
        running.close(); // idempotent
        assertThat(admitted.await(5, TimeUnit.SECONDS)).isTrue();
        buffered.join();
        assertThat(shedder.inFlight()).isZero();
        shedder.tryAdmit().orElseThrow().close();
    }

    @Test
    void oneClientHoldsAtMostItsShareOfThePlaces() throws Exception {
        LoadShedder shedder = new LoadShedder(3, 3, 2);
        LoadShedder.Permit a1 = shedder.tryAdmit("a").orElseThrow();
        LoadShedder.Permit a2 = shedder.tryAdmit("a").orElseThrow();
        assertThat(shedder.tryAdmit("a")).as("a's third request").isEmpty();
        assertThat(shedder.inFlight("a")).isEqualTo(2);
        try (LoadShedder.Permit b = shedder.tryAdmit("b").orElseThrow()) {
            assertThat(shedder.inFlight()).isEqualTo(3);
        }
        a1.close();
        a1.close(); // idempotent: a's count drops once
        try (LoadShedder.Permit a3 = shedder.tryAdmit("a").orElseThrow()) {
            assertThat(shedder.inFlight("a")).isEqualTo(2);
        }
        a2.close();
        assertThat(shedder.inFlight("a")).isZero();
        assertThat(shedder.inFlight()).isZero();
    }

    @Test
    void aClientShedForCapacityKeepsNoPlace() throws Exception {
        LoadShedder shedder = new LoadShedder(1, 0, 1);
        try (LoadShedder.Permit a = shedder.tryAdmit("a").orElseThrow()) {
            assertThat(shedder.tryAdmit("b")).isEmpty();
            assertThat(shedder.inFlight("b")).isZero();
        }
        shedder.tryAdmit("b").orElseThrow().close();
    }
}
