package io.walrusj.indexer.ingest;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.model.Committee;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs {@link BatchApplier} in one database transaction per batch, so a batch's effects and its
 * cursor commit together or not at all, then tells the {@link IngestListener}s.
 */
public final class IngestService {

    private final TransactionTemplate tx;
    private final BatchApplier applier;
    private final List<IngestListener> listeners;
    private volatile BatchInterceptor interceptor = BatchInterceptor.NONE;

    public IngestService(TransactionTemplate tx, BatchApplier applier, List<IngestListener> listeners) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.listeners = List.copyOf(listeners);
    }

    /** Replaces the fault-injection hooks (tests). */
    public void interceptor(BatchInterceptor interceptor) {
        this.interceptor = Objects.requireNonNull(interceptor);
    }

    /** The stream name of the cursor row this service writes. */
    public String stream() {
        return applier.stream();
    }

    /**
     * Applies {@code events} (possibly none: checkpoints without Walrus events) and commits the
     * follower's {@code cursor} text with them.
     *
     * @throws Exception whatever failed; nothing of the batch is committed unless the failure
     *     came from {@link BatchInterceptor#afterCommit}
     */
    public BatchResult ingest(List<WalrusEventEnvelope> events, String cursor, Map<Long, Committee> committees)
            throws Exception {
        BatchInterceptor hooks = interceptor;
        BatchResult result = tx.execute(status -> {
            BatchResult r = applier.apply(events, cursor, committees);
            try {
                hooks.beforeCommit(events);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return r;
        });
        for (IngestListener l : listeners) {
            l.committed(result);
        }
        hooks.afterCommit(events);
        return result;
    }
}
