package io.walrusj.core.encoding;

import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverPair;
import java.util.List;

/**
 * The result of encoding a blob: verified-by-construction metadata and all n primary and n
 * secondary slivers, indexed by sliver index.
 */
public record EncodedBlob(BlobMetadataWithId metadata, List<SliverData> primarySlivers, List<SliverData> secondarySlivers) {
    public EncodedBlob {
        primarySlivers = List.copyOf(primarySlivers);
        secondarySlivers = List.copyOf(secondarySlivers);
    }

    public BlobId blobId() {
        return metadata.blobId();
    }

    public int nShards() {
        return primarySlivers.size();
    }

    /** Sliver pair k: primary k and secondary n-1-k. */
    public SliverPair pair(int pairIndex) {
        return new SliverPair(primarySlivers.get(pairIndex), secondarySlivers.get(nShards() - 1 - pairIndex));
    }
}
