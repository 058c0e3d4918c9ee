package io.walrusj.storage.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestBodyBudgetTest {
    @Test
    void reservationsNeverExceedTheCapacityAndCloseGivesAllBack() throws Exception {
        RequestBodyBudget budget = new RequestBodyBudget(10_000);
        AtomicLong max = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 2000; i++) {
                    try (RequestBodyBudget.Reservation r = budget.open()) {
                        while (r.grow(1000)) {
                            max.accumulateAndGet(budget.reserved(), Math::max);
                        }
                        if (r.held() > 0) {
                            r.shrink(1000);
                        }
                    }
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(max.get()).isPositive().isLessThanOrEqualTo(10_000);
        assertThat(budget.reserved()).isZero();
        assertThat(budget.refusals()).isPositive();
    }

    @Test
    void closeIsIdempotent() {
        RequestBodyBudget budget = new RequestBodyBudget(100);
        RequestBodyBudget.Reservation r = budget.open();
        assertThat(r.grow(60)).isTrue();
        assertThat(budget.open().grow(41)).isFalse();
        r.close();
        r.close();
        assertThat(budget.reserved()).isZero();
        assertThat(budget.open().grow(100)).isTrue();
    }
}
