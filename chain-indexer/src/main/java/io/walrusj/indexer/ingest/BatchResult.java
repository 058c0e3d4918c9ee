package io.walrusj.indexer.ingest;

import java.util.Map;
import java.util.OptionalLong;

/**
 * What a committed batch did.
 *
 * @param size number of events (0: a cursor-only commit)
 * @param lastEventId the event-log position of the last event committed so far
 * @param countsByName events per event name
 * @param lastTimestampMs the timestamp of the newest event that had one
 * @param epoch the current epoch after the batch
 */
public record BatchResult(int size, long lastEventId, Map<String, Integer> countsByName, OptionalLong lastTimestampMs,
        long epoch) {
}
