/**
 * The aggregator (read API, client-http-api section 3): blobs are read from the storage nodes of
 * the current committee, every piece verified (metadata against the blob ID, slivers against the
 * metadata), decoded with the requested consistency check, and served with Walrus's headers.
 *
 * <p>Layers: {@code AggregatorController} (HTTP parsing and headers) -> {@code BlobReader} (status,
 * metadata, limits) -> {@code BlobAssembler} (which slivers, decoding, fallbacks) ->
 * {@code SliverCollector} / {@code RequestRace} (parallel fetching with hedging and cancellation)
 * -> {@code SliverSource} (one node request).
 */
package io.walrusj.encoder.read;
