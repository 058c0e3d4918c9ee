package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CertificateException.Reason;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverType;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code SYNC_SHARD} request a new shard owner signs for the previous owner
 * (docs/spec/walrus-storage-node-api.md 6.4):
 *
 * <pre>
 * 03 00 03 | epoch u32 LE | 00 (SyncShardRequest::V1) | shard_index u16 LE | sliver_type u8
 *          | starting_blob_id (32) | sliver_count u64 LE | request epoch u32 LE          55 bytes
 * </pre>
 *
 * @param epoch message (header) epoch
 * @param shardIndex shard to transfer (u16)
 * @param sliverType primary (0) or secondary (1)
 * @param startingBlobId first blob id of the page (inclusive)
 * @param sliverCount page size (u64)
 * @param requestEpoch the epoch field inside {@code SyncShardRequestV1}; the Rust node sets it to the
 *     same value as {@code epoch}
 */
public record SyncShardMessage(long epoch, int shardIndex, SliverType sliverType, BlobId startingBlobId,
        long sliverCount, long requestEpoch) {
    public static final int LENGTH = MessageHeader.LENGTH + 1 + 2 + 1 + BlobId.LENGTH + 8 + 4;
    private static final int V1 = 0;

    public SyncShardMessage {
        MessageHeader.requireEpochRange(epoch);
        MessageHeader.requireEpochRange(requestEpoch);
        if (shardIndex < 0 || shardIndex > 0xFFFF) {
            throw new IllegalArgumentException("shard index is a u16, got " + shardIndex);
        }
        Objects.requireNonNull(sliverType, "sliverType");
        Objects.requireNonNull(startingBlobId, "startingBlobId");
    }

    /** The usual form: both epochs equal. */
    public static SyncShardMessage of(long epoch, int shardIndex, SliverType sliverType, BlobId startingBlobId,
            long sliverCount) {
        return new SyncShardMessage(epoch, shardIndex, sliverType, startingBlobId, sliverCount, epoch);
    }

    /** The exact signed bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[LENGTH];
        MessageHeader.of(IntentType.SYNC_SHARD, epoch).writeTo(out);
        int p = MessageHeader.LENGTH;
        out[p++] = V1;
        out[p++] = (byte) shardIndex;
        out[p++] = (byte) (shardIndex >>> 8);
        out[p++] = (byte) sliverType.ordinal();
        System.arraycopy(startingBlobId.bytes(), 0, out, p, BlobId.LENGTH);
        p += BlobId.LENGTH;
        p = putLe(out, p, sliverCount, 8);
        putLe(out, p, requestEpoch, 4);
        return out;
    }

    /**
     * Parses strictly (exact length, as the Rust node's BCS decoding does): header version 0, app
     * id 3, type 3; request variant 0; sliver type 0 or 1. The epoch is not checked here.
     */
    public static SyncShardMessage parse(byte[] message) {
        MessageHeader header = MessageHeader.parse(message);
        header.requireVersionAndApp();
        header.requireType(IntentType.SYNC_SHARD);
        if (message.length != LENGTH) {
            throw new CertificateException(Reason.MALFORMED_MESSAGE,
                    "a SYNC_SHARD message has " + LENGTH + " bytes, got " + message.length);
        }
        int p = MessageHeader.LENGTH;
        if (message[p] != V1) {
            throw new CertificateException(Reason.MALFORMED_MESSAGE,
                    "unknown SyncShardRequest variant " + (message[p] & 0xFF));
        }
        int shard = (message[p + 1] & 0xFF) | (message[p + 2] & 0xFF) << 8;
        int type = message[p + 3] & 0xFF;
        if (type > 1) {
            throw new CertificateException(Reason.MALFORMED_MESSAGE, "sliver type must be 0 or 1, got " + type);
        }
        p += 4;
        BlobId start = BlobId.of(Arrays.copyOfRange(message, p, p + BlobId.LENGTH));
        p += BlobId.LENGTH;
        long count = getLe(message, p, 8);
        long requestEpoch = getLe(message, p + 8, 4);
        return new SyncShardMessage(header.epoch(), shard, SliverType.values()[type], start, count, requestEpoch);
    }

    private static int putLe(byte[] out, int p, long v, int n) {
        for (int i = 0; i < n; i++) {
            out[p + i] = (byte) (v >>> (8 * i));
        }
        return p + n;
    }

    private static long getLe(byte[] in, int p, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (in[p + i] & 0xFFL) << (8 * i);
        }
        return v;
    }
}
