package io.walrusj.encoder.api;

import io.walrusj.core.metadata.BlobId;

/**
 * Published (Spring application event) when this publisher certified a blob on chain, so that the
 * aggregator in the same process reads it at once instead of waiting until the storage nodes have
 * seen the certification event (read-your-writes for the client that just stored it).
 */
public record BlobCertified(BlobId blobId) {}
