package io.walrusj.storage.sync;

import io.walrusj.core.metadata.BlobId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The long poll behind {@code wait_for_registration} on the confirmation routes (storage-node API
 * 5.1): a confirmation asked for just after the publisher's {@code register_blob} waits here until
 * this node has applied the {@code BlobRegistered} event, instead of failing with
 * {@code NOT_REGISTERED} and making the publisher back off and retry. Bounded: at most
 * {@code maxWait} per request and {@code maxWaiters} requests waiting (the others answer at once).
 */
public final class RegistrationWaits implements ChainListener {
    /** Re-check interval, in case a registration arrives by a path that sends no event (epoch change). */
    static final Duration DEFAULT_RECHECK = Duration.ofMillis(100);

    private final Map<BlobId, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final Duration maxWait;
    private final Semaphore slots;
    private final long recheckNanos;

    public RegistrationWaits(Duration maxWait, int maxWaiters) {
        this(maxWait, maxWaiters, DEFAULT_RECHECK);
    }

    RegistrationWaits(Duration maxWait, int maxWaiters, Duration recheck) {
        this.maxWait = maxWait.isNegative() ? Duration.ZERO : maxWait;
        this.slots = new Semaphore(Math.max(0, maxWaiters));
        this.recheckNanos = Math.max(1, recheck.toNanos());
    }

    /** The longest wait granted; zero = waiting is disabled (Walrus' default). */
    public Duration maxWait() {
        return maxWait;
    }

    /**
     * Whether {@code registered} holds, waiting for it up to {@code min(requested, maxWait)}.
     *
     * @param registered reads the node's state; must see a registration before its event is announced
     */
    public boolean await(BlobId blobId, Duration requested, BooleanSupplier registered) throws InterruptedException {
        if (registered.getAsBoolean()) {
            return true;
        }
        Duration wait = requested.compareTo(maxWait) < 0 ? requested : maxWait;
        if (wait.isZero() || wait.isNegative() || !slots.tryAcquire()) {
            return false;
        }
        CompletableFuture<Void> signal = null;
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                signal = waiting.computeIfAbsent(blobId, id -> new CompletableFuture<>());
                if (registered.getAsBoolean()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    signal.get(Math.min(left, recheckNanos), TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // re-check below
                }
            }
        } finally {
            // leave no entry behind; a waiter sharing it is woken and re-creates it if it still waits
            if (signal != null && waiting.remove(blobId, signal)) {
                signal.complete(null);
            }
            slots.release();
        }
    }

    /** Whether a request is waiting for {@code blobId}'s registration now. */
    public boolean isWaitingFor(BlobId blobId) {
        return waiting.containsKey(blobId);
    }

    /** Blobs with a wait entry (tests: none may be left behind). */
    int waitingBlobs() {
        return waiting.size();
    }

    @Override
    public void blobRegistered(BlobId blobId) {
        CompletableFuture<Void> signal = waiting.remove(blobId);
        if (signal != null) {
            signal.complete(null);
        }
    }

    @Override
    public void epochChanged(long epoch) {
        // registrations are per epoch: let every waiter look again
        waiting.keySet().forEach(this::blobRegistered);
    }
}
