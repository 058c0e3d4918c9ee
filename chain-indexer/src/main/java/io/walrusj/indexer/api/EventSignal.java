package io.walrusj.indexer.api;

import io.walrusj.indexer.ingest.BatchResult;
import io.walrusj.indexer.ingest.IngestListener;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Wakes long-polling readers of the event log when a batch commits. */
@Component
public class EventSignal implements IngestListener {

    private long latest;
    private int waiting;

    @Override
    public synchronized void committed(BatchResult result) {
        latest = Math.max(latest, result.lastEventId());
        notifyAll();
    }

    /**
     * Waits until a batch with an event after {@code after} commits, or {@code timeout} passes.
     *
     * @return whether such a batch committed while waiting (or had committed since start-up)
     */
    public synchronized boolean awaitAfter(long after, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        waiting++;
        try {
            while (latest <= after) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } finally {
            waiting--;
        }
    }

    /** How many readers are waiting in {@link #awaitAfter} now. */
    public synchronized int waiting() {
        return waiting;
    }
}
