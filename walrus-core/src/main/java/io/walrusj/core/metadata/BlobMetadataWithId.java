package io.walrusj.core.metadata;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.encoding.EncodingConfig;

/** {@code {blob_id, metadata}}: the body of a storage node's GET metadata route (docs/spec/walrus-encoding.md 7.5). */
public record BlobMetadataWithId(BlobId blobId, BlobMetadata metadata) {

    public void verify(EncodingConfig config) {
        metadata.verify(config, blobId);
    }

    public void writeBcs(BcsWriter writer) {
        blobId.writeBcs(writer);
        metadata.writeBcs(writer);
    }

    public byte[] toBcs() {
        return BcsWriter.encode(this::writeBcs);
    }

    public static BlobMetadataWithId read(BcsReader reader) {
        return new BlobMetadataWithId(BlobId.read(reader), BlobMetadata.read(reader));
    }

    public static BlobMetadataWithId fromBcs(byte[] bytes) {
        return BcsReader.decode(bytes, BlobMetadataWithId::read);
    }
}
