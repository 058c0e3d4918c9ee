/**
 * The publisher (write API, docs/spec/walrus-client-http-api.md 2.1): {@code PUT /v1/blobs} encodes a blob,
 * buys storage and registers it on the devnet from the publisher wallet, fans metadata and slivers
 * out to the committee, aggregates storage confirmations into a certificate and certifies the blob.
 */
package io.walrusj.encoder.publish;
