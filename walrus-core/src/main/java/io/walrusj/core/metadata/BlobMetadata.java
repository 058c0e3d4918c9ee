package io.walrusj.core.metadata;

import io.walrusj.core.VerificationException;
import io.walrusj.core.VerificationException.Reason;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.merkle.MerkleTree;
import io.walrusj.core.merkle.Node;
import io.walrusj.core.sliver.SliverType;
import java.util.List;

/**
 * Per-blob metadata every node stores (docs/spec/walrus-encoding.md 7.2): encoding type, unencoded length and
 * one {@link SliverPairMetadata} per sliver pair. BCS: enum {@code BlobMetadata::V1} (variant 0) of
 * {@code {encoding_type, unencoded_length: u64, hashes: Vec<SliverPairMetadata>}}. This is the body
 * of a storage node's PUT metadata route.
 *
 * @param unencodedLength the blob length; a u64 on the wire (compare unsigned)
 */
public record BlobMetadata(EncodingType encodingType, long unencodedLength, List<SliverPairMetadata> hashes) {
    public BlobMetadata {
        hashes = List.copyOf(hashes);
    }

    public int nShards() {
        return hashes.size();
    }

    /** Merkle root over the n leaves {@code primary_hash || secondary_hash}. */
    public Node rootHash() {
        byte[] leaves = new byte[hashes.size() * 2 * Node.DIGEST_LENGTH];
        for (int i = 0; i < hashes.size(); i++) {
            byte[] leaf = hashes.get(i).leafBytes();
            System.arraycopy(leaf, 0, leaves, i * leaf.length, leaf.length);
        }
        return MerkleTree.build(leaves, 0, 2 * Node.DIGEST_LENGTH, hashes.size()).root();
    }

    /** The blob ID these hashes commit to. */
    public BlobId computeBlobId() {
        return BlobId.derive(encodingType, unencodedLength, rootHash().bytes());
    }

    /** Symbol size implied by the unencoded length (valid only after {@link #verify}). */
    public int symbolSize(EncodingConfig config) {
        return config.symbolSize(unencodedLength);
    }

    /** Merkle root expected for the sliver with {@code sliverIndex} on axis {@code type}. */
    public Node sliverHash(SliverType type, int sliverIndex) {
        int n = hashes.size();
        if (sliverIndex < 0 || sliverIndex >= n) {
            throw new VerificationException(Reason.SLIVER_INDEX_OUT_OF_RANGE,
                    "sliver index " + sliverIndex + " with " + n + " shards");
        }
        return type == SliverType.PRIMARY ? hashes.get(sliverIndex).primaryHash()
                : hashes.get(n - 1 - sliverIndex).secondaryHash();
    }

    /**
     * {@code UnverifiedBlobMetadataWithId::verify}: hash count equals n, length within the maximum,
     * and the hashes derive {@code blobId}.
     */
    public void verify(EncodingConfig config, BlobId blobId) {
        if (hashes.size() != config.nShards()) {
            throw new VerificationException(Reason.INVALID_HASH_COUNT,
                    "metadata has " + hashes.size() + " sliver pair hashes, the system has " + config.nShards() + " shards");
        }
        if (Long.compareUnsigned(unencodedLength, config.maxBlobSize()) > 0) {
            throw new VerificationException(Reason.UNENCODED_LENGTH_TOO_LARGE,
                    "unencoded length " + Long.toUnsignedString(unencodedLength) + " exceeds the maximum "
                            + config.maxBlobSize());
        }
        BlobId computed = computeBlobId();
        if (!computed.equals(blobId)) {
            throw new VerificationException(Reason.BLOB_ID_MISMATCH,
                    "metadata derives blob ID " + computed + ", expected " + blobId);
        }
    }

    public void writeBcs(BcsWriter writer) {
        writer.variant(0);
        encodingType.writeBcs(writer);
        writer.u64(unencodedLength);
        writer.sequence(hashes, (w, h) -> h.writeBcs(w));
    }

    public byte[] toBcs() {
        return BcsWriter.encode(this::writeBcs);
    }

    public static BlobMetadata read(BcsReader reader) {
        reader.variant("BlobMetadata", 1);
        EncodingType type = EncodingType.read(reader);
        long length = reader.u64();
        return new BlobMetadata(type, length, reader.sequence(SliverPairMetadata::read));
    }

    public static BlobMetadata fromBcs(byte[] bytes) {
        return BcsReader.decode(bytes, BlobMetadata::read);
    }
}
