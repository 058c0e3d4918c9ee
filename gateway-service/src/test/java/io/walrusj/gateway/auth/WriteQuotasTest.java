package io.walrusj.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class WriteQuotasTest {

    private static final ApiKeys.Client CLIENT = new ApiKeys.Client("alice", ApiKeys.sha256("k"), 10_000, 5);
    private final WriteQuotas quotas = new WriteQuotas();

    @Test
    void concurrentStoresCannotTogetherPassTheQuota() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<WriteQuotas.Decision>> decisions = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 64; i++) {
                decisions.add(threads.submit(() -> {
                    start.await();
                    return quotas.reserve(CLIENT, 1_000, 1);
                }));
            }
            start.countDown();
            List<WriteQuotas.Reservation> granted = new ArrayList<>();
            for (Future<WriteQuotas.Decision> decision : decisions) {
                if (decision.get() instanceof WriteQuotas.Granted(WriteQuotas.Reservation reservation)) {
                    granted.add(reservation);
                }
            }
            assertThat(granted).hasSize(10);
            granted.forEach(reservation -> reservation.commit(1_000));
        }
        assertThat(quotas.storedBytes("alice")).isEqualTo(10_000);
        assertThat(quotas.reserve(CLIENT, 1, 1)).isInstanceOf(WriteQuotas.Refused.class);
    }

    @Test
    void aFailedStoreHandsItsReservationBackAndSettlesOnce() {
        WriteQuotas.Reservation failed = granted(quotas.reserve(CLIENT, 8_000, 1));
        assertThat(quotas.reserve(CLIENT, 8_000, 1)).as("held while in flight").isInstanceOf(WriteQuotas.Refused.class);

        failed.release();
        failed.commit(8_000); // a second settlement changes nothing

        assertThat(quotas.storedBytes("alice")).isZero();
        WriteQuotas.Reservation stored = granted(quotas.reserve(CLIENT, 8_000, 1));
        stored.commit(3_000); // a chunked body reserved more than it sent
        assertThat(quotas.storedBytes("alice")).isEqualTo(3_000);
        assertThat(quotas.reserve(CLIENT, 7_000, 1)).isInstanceOf(WriteQuotas.Granted.class);
    }

    @Test
    void moreEpochsThanTheClientsMaximumAreRefused() {
        assertThat(quotas.reserve(CLIENT, 1, 6)).isInstanceOfSatisfying(WriteQuotas.Refused.class,
                refused -> assertThat(refused.message()).contains("6 epochs").contains("maximum of 5"));
        assertThat(quotas.reserve(CLIENT, 1, 5)).isInstanceOf(WriteQuotas.Granted.class);
    }

    private static WriteQuotas.Reservation granted(WriteQuotas.Decision decision) {
        assertThat(decision).isInstanceOf(WriteQuotas.Granted.class);
        return ((WriteQuotas.Granted) decision).reservation();
    }
}
