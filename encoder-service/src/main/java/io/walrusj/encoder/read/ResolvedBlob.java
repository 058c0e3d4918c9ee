package io.walrusj.encoder.read;

import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadataWithId;

/** A blob that exists: its verified metadata, the encoding of the committee, and where its slivers are. */
record ResolvedBlob(BlobMetadataWithId metadata, EncodingConfig config, SliverSource source) {

    BlobId blobId() {
        return metadata.blobId();
    }

    /** Unencoded length (a u64: compare unsigned). */
    long size() {
        return metadata.metadata().unencodedLength();
    }
}
