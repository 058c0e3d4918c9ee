package io.walrusj.indexer.follow;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.follow.WalrusFollower;
import io.walrusj.chain.model.Committee;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.indexer.ingest.IngestService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The follower's handler: reads the committees an {@code EpochChangeStart} calls for (before the
 * transaction, so no RPC runs while it is open), then ingests the batch and its cursor in one
 * database transaction ({@link IngestService}). A batch without events (checkpoints without Walrus
 * events) still commits its cursor.
 */
public final class IndexingBatchHandler implements WalrusFollower.Handler {

    private final IngestService ingest;
    private final CommitteeReader committees;

    /** @param committees null to skip committee reads */
    public IndexingBatchHandler(IngestService ingest, CommitteeReader committees) {
        this.ingest = ingest;
        this.committees = committees;
    }

    @Override
    public void handle(List<WalrusEventEnvelope> events, String newCursor) throws Exception {
        Map<Long, Committee> read = new HashMap<>();
        if (committees != null) {
            for (WalrusEventEnvelope e : events) {
                if (e.event() instanceof WalrusEvent.EpochChangeStart start) {
                    committees.around(start.epoch()).forEach(read::putIfAbsent);
                }
            }
        }
        ingest.ingest(events, newCursor, read);
    }
}
