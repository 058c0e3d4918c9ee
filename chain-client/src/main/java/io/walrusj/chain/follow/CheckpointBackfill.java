package io.walrusj.chain.follow;

import io.walrusj.chain.follow.CheckpointFollowerException.Reason;
import io.walrusj.chain.grpc.CheckpointData;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.rpc.SuiProtocolException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads checkpoints {@code from..to} (inclusive) with {@code GetCheckpoint}, up to
 * {@code concurrency} requests in flight on virtual threads, and returns them strictly in sequence
 * order. At most {@code concurrency} fetched checkpoints wait in memory. {@link #close()} cancels
 * what is still in flight.
 */
final class CheckpointBackfill implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final SuiGrpcClient sui;
    private final int concurrency;
    private final long to;
    private final ArrayDeque<Future<Optional<CheckpointData>>> window = new ArrayDeque<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private long nextToFetch;
    private long nextToReturn;

    CheckpointBackfill(SuiGrpcClient sui, long from, long to, int concurrency) {
        this.sui = sui;
        this.concurrency = concurrency;
        this.to = to;
        this.nextToFetch = from;
        this.nextToReturn = from;
    }

    boolean hasNext() {
        return nextToReturn <= to;
    }

    /**
     * The next checkpoint in order.
     *
     * @throws CheckpointFollowerException ({@link Reason#CHECKPOINT_UNAVAILABLE}) if the server does not have it
     * @throws io.walrusj.chain.rpc.SuiClientException if the read failed
     */
    CheckpointData next() throws InterruptedException {
        while (window.size() < concurrency && nextToFetch <= to) {
            long seq = nextToFetch++;
            window.add(executor.submit(() -> sui.getCheckpoint(seq)));
        }
        long seq = nextToReturn++;
        Optional<CheckpointData> c;
        try {
            c = window.removeFirst().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (c.isEmpty()) {
            throw new CheckpointFollowerException(Reason.CHECKPOINT_UNAVAILABLE,
                    "checkpoint " + seq + " is not available from the server (pruned, or not executed yet)");
        }
        if (c.get().sequenceNumber() != seq) {
            throw new SuiProtocolException("LedgerService/GetCheckpoint", "asked for checkpoint " + seq + ", got "
                    + c.get().sequenceNumber());
        }
        return c.get();
    }

    /** Cancels the reads still in flight (their threads are interrupted, which cancels the gRPC calls) and waits for them. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
