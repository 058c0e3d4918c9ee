package io.walrusj.indexer.follow;

import io.walrusj.chain.follow.CheckpointBatch;
import io.walrusj.chain.follow.CheckpointBatchHandler;
import io.walrusj.chain.follow.CheckpointCursor;
import io.walrusj.chain.follow.EventBatchHandler;
import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.model.Committee;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.indexer.ingest.IngestService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The followers' handler (checkpoint follower, and the legacy JSON-RPC event follower): reads the
 * committees an {@code EpochChangeStart} calls for (before the transaction, so no RPC runs while
 * it is open), then ingests the batch and its cursor in one database transaction
 * ({@link IngestService}). A checkpoint batch without events still commits its cursor.
 */
public final class IndexingBatchHandler implements CheckpointBatchHandler, EventBatchHandler {

    private final IngestService ingest;
    private final CommitteeReader committees;

    /** @param committees null to skip committee reads */
    public IndexingBatchHandler(IngestService ingest, CommitteeReader committees) {
        this.ingest = ingest;
        this.committees = committees;
    }

    @Override
    public void handle(CheckpointBatch batch) throws Exception {
        ingest(batch.events(), batch.newCursor());
    }

    @Override
    public void handle(List<WalrusEventEnvelope> events, EventId newCursor) throws Exception {
        ingest(events, null); // the legacy cursor is the last event's ID
    }

    private void ingest(List<WalrusEventEnvelope> events, CheckpointCursor checkpoint) throws Exception {
        Map<Long, Committee> read = new HashMap<>();
        if (committees != null) {
            for (WalrusEventEnvelope e : events) {
                if (e.event() instanceof WalrusEvent.EpochChangeStart start) {
                    committees.around(start.epoch()).forEach(read::putIfAbsent);
                }
            }
        }
        ingest.ingest(events, checkpoint, read);
    }
}
