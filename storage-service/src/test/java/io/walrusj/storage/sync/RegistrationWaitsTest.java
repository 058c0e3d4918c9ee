package io.walrusj.storage.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.core.metadata.BlobId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RegistrationWaitsTest {
    static final BlobId BLOB = BlobId.parse("7VcehCC46COzE_nOUUlyONMNUU-f4TuI7O85q3OPoGM");

    @Test
    void answersAtOnceWhenRegisteredOrWhenWaitingIsDisabled() throws Exception {
        assertThat(new RegistrationWaits(Duration.ofSeconds(5), 4).await(BLOB, Duration.ofSeconds(5), () -> true)).isTrue();
        long start = System.nanoTime();
        assertThat(new RegistrationWaits(Duration.ZERO, 4).await(BLOB, Duration.ofSeconds(5), () -> false)).isFalse();
        assertThat(new RegistrationWaits(Duration.ofSeconds(5), 4).await(BLOB, Duration.ZERO, () -> false)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aWaiterWakesOnTheRegistrationEventAndLeavesNothingBehind() throws Exception {
        // re-checks only every 30 s: only the event can wake it within the 2 s asserted below
        RegistrationWaits waits = new RegistrationWaits(Duration.ofSeconds(30), 4, Duration.ofSeconds(30));
        AtomicBoolean registered = new AtomicBoolean();
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> awaitQuietly(waits, Duration.ofSeconds(30), registered));
        // it is inside the wait (its entry exists), and it has not answered
        await().atMost(Duration.ofSeconds(5)).until(() -> waits.isWaitingFor(BLOB));
        assertThat(waiter).isNotDone();
        registered.set(true);
        long start = System.nanoTime();
        waits.blobRegistered(BLOB);
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(waits.waitingBlobs()).isZero();
    }

    @Test
    void theWaitIsCappedByTheServerMaximum() throws Exception {
        RegistrationWaits waits = new RegistrationWaits(Duration.ofMillis(300), 4);
        long start = System.nanoTime();
        assertThat(waits.await(BLOB, Duration.ofMinutes(1), () -> false)).isFalse();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(5));
        assertThat(waits.waitingBlobs()).isZero();
    }

    @Test
    void beyondTheWaiterBoundRequestsAnswerAtOnce() throws Exception {
        RegistrationWaits waits = new RegistrationWaits(Duration.ofSeconds(30), 1, Duration.ofSeconds(30));
        AtomicBoolean registered = new AtomicBoolean();
        CountDownLatch firstIsWaiting = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(
                () -> awaitCounting(waits, Duration.ofSeconds(30), firstIsWaiting, registered));
        assertThat(firstIsWaiting.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThat(waits.await(BLOB, Duration.ofSeconds(30), () -> false)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        registered.set(true);
        waits.blobRegistered(BLOB);
        assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean awaitQuietly(RegistrationWaits waits, Duration wait, AtomicBoolean registered) {
        try {
            return waits.await(BLOB, wait, registered::get);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts down {@code asked} on its second look at the state, i.e. once it is inside the wait loop. */
    private static boolean awaitCounting(RegistrationWaits waits, Duration wait, CountDownLatch asked,
            AtomicBoolean registered) {
        int[] looks = {0};
        try {
            return waits.await(BLOB, wait, () -> {
                if (++looks[0] == 2) {
                    asked.countDown();
                }
                return registered.get();
            });
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
