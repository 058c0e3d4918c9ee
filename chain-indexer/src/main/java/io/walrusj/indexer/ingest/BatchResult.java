package io.walrusj.indexer.ingest;

import io.walrusj.chain.rpc.EventId;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a committed batch did.
 *
 * @param size number of events
 * @param lastEventId the event-log position of its last event
 * @param cursor the committed cursor
 * @param countsByName events per event name
 * @param lastTimestampMs the timestamp of the newest event that had one
 * @param lastCheckpoint the checkpoint of the newest event whose envelope had one (never when read
 *     through {@code suix_queryEvents})
 * @param epoch the current epoch after the batch
 */
public record BatchResult(int size, long lastEventId, EventId cursor, Map<String, Integer> countsByName,
        OptionalLong lastTimestampMs, OptionalLong lastCheckpoint, long epoch) {
}
