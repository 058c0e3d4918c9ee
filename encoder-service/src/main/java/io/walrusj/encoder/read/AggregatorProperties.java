package io.walrusj.encoder.read;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Aggregator settings ({@code aggregator.*}).
 *
 * @param maxBlobSize          largest blob (unencoded bytes) served; larger ones get 403 BLOB_TOO_LARGE.
 *                             Unset: no limit (as Walrus's {@code --max-blob-size} default)
 * @param allowedHeaders       blob attributes copied into response headers by the by-object-id route
 *                             (lower-cased here)
 * @param maxConcurrentReads   read requests served at once (Walrus: 256)
 * @param readQueue            read requests waiting for a slot beyond that (Walrus: 320); more -> 429
 * @param maxSliverRequests    sliver requests in flight for one read
 * @param hedgeDelay           when no sliver arrived for this long, one more node is asked (slow nodes
 *                             are not waited for)
 * @param readTimeout          a read that has not collected its slivers by then fails with 503
 * @param statusTimeout        how long the blob-status probe waits for nodes' answers
 * @param certificationGrace   how long a registered but not (yet) certified blob is re-probed before
 *                             it is 404 (nodes see the certification event a little after the store)
 * @param statusCacheTtl       how long a blob seen certified is read without probing its status again
 * @param metadataHedgeDelay   when a metadata request has not answered by then, the next node is asked
 * @param decodeParallelism    platform threads used by the RS decoder and the consistency check
 * @param streamWindow         systematic slivers fetched ahead of the one being written (stream route)
 * @param maxConcatIds         IDs one concat request may name (repetitions count); more -> 400 TOO_MANY_IDS
 * @param maxConcatSize        total size of one concatenation (from the blobs' metadata, before any sliver
 *                             is read); more -> 413 CONCAT_TOO_LARGE
 */
@ConfigurationProperties("aggregator")
public record AggregatorProperties(
        Long maxBlobSize,
        @DefaultValue({"content-type", "authorization", "content-disposition", "content-encoding",
                "content-language", "content-location", "link"}) List<String> allowedHeaders,
        @DefaultValue("256") int maxConcurrentReads,
        @DefaultValue("320") int readQueue,
        @DefaultValue("128") int maxSliverRequests,
        @DefaultValue("2s") Duration hedgeDelay,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("5s") Duration statusTimeout,
        @DefaultValue("3s") Duration certificationGrace,
        @DefaultValue("30s") Duration statusCacheTtl,
        @DefaultValue("1s") Duration metadataHedgeDelay,
        @DefaultValue("0") int decodeParallelism,
        @DefaultValue("8") int streamWindow,
        @DefaultValue("100") int maxConcatIds,
        @DefaultValue("256MB") DataSize maxConcatSize) {

    public AggregatorProperties {
        allowedHeaders = allowedHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
        if (decodeParallelism <= 0) {
            decodeParallelism = Runtime.getRuntime().availableProcessors();
        }
    }

    /** Whether a blob of {@code size} bytes may be served. */
    public boolean allowsSize(long size) {
        return maxBlobSize == null || Long.compareUnsigned(size, maxBlobSize) <= 0;
    }
}
