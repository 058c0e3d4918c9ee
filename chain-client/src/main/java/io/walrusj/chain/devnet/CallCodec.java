package io.walrusj.chain.devnet;

import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;

/**
 * A canonical BCS encoding of {@link Call}s for the transaction log: a ULEB128 variant index (the
 * order below; new calls are only ever appended) followed by the fields in record order. Addresses,
 * object ids and blob ids are 32 raw bytes, the BLS key its 48 compressed bytes, {@code long}s u64,
 * {@code int}s u32 (their bits), byte arrays and strings length-prefixed. Decoding the encoding of
 * any call yields a call with the same encoding, so a replayed log reproduces the same executions
 * (including the same aborts).
 */
public final class CallCodec {
    private CallCodec() {}

    public static byte[] encode(Call call) {
        BcsWriter w = new BcsWriter(64);
        switch (call) {
            case Call.Faucet c -> addr(w.variant(0), c.recipient()).u64(c.amount());
            case Call.TransferWal c -> addr(w.variant(1), c.recipient()).u64(c.amount());
            case Call.ReserveSpace c -> w.variant(2).u64(c.size()).u64(c.epochsAhead());
            case Call.RegisterBlob c -> {
                addr(w.variant(3), c.storageId()).fixedBytes(c.blobId().bytes()).bytes(c.rootHash()).u64(c.size())
                        .u32(c.encodingType() & 0xFFFF_FFFFL).bool(c.deletable());
            }
            case Call.CertifyBlob c -> addr(w.variant(4), c.blobObjectId()).bytes(c.signature())
                    .bytes(c.signersBitmap()).bytes(c.message());
            case Call.DeleteBlob c -> addr(w.variant(5), c.blobObjectId());
            case Call.ExtendBlob c -> addr(w.variant(6), c.blobObjectId()).u64(c.extendedEpochs());
            case Call.InvalidateBlobId c -> w.variant(7).bytes(c.signature()).bytes(c.signersBitmap())
                    .bytes(c.message());
            case Call.SetBlobAttribute c -> addr(w.variant(8), c.blobObjectId()).string(c.key()).string(c.value());
            case Call.RemoveBlobAttribute c -> addr(w.variant(9), c.blobObjectId()).string(c.key());
            case Call.RegisterCandidate c -> w.variant(10).string(c.name()).string(c.networkAddress())
                    .fixedBytes(c.blsPublicKey().toBytes()).bytes(c.proofOfPossession()).bytes(c.networkPublicKey())
                    .u32(c.commissionRate() & 0xFFFF_FFFFL).u64(c.storagePrice()).u64(c.writePrice())
                    .u64(c.nodeCapacity());
            case Call.StakeWithPool c -> addr(w.variant(11), c.nodeId()).u64(c.amount());
            case Call.SetStoragePriceVote c -> addr(w.variant(12), c.nodeId()).u64(c.storagePrice());
            case Call.SetWritePriceVote c -> addr(w.variant(13), c.nodeId()).u64(c.writePrice());
            case Call.SetNodeCapacityVote c -> addr(w.variant(14), c.nodeId()).u64(c.nodeCapacity());
            case Call.UpdatePrices c -> w.variant(15);
            case Call.VotingEnd c -> w.variant(16);
            case Call.InitiateEpochChange c -> w.variant(17);
            case Call.EpochSyncDone c -> addr(w.variant(18), c.nodeId()).u64(c.epoch());
            case Call.AdvanceEpoch c -> w.variant(19);
        }
        return w.toByteArray();
    }

    /** Decodes one call; the whole input must be consumed. Throws {@link IllegalArgumentException} if malformed. */
    public static Call decode(byte[] bytes) {
        try {
            return BcsReader.decode(bytes, CallCodec::read);
        } catch (BcsException | CryptoException e) {
            throw new IllegalArgumentException("malformed call: " + e.getMessage(), e);
        }
    }

    private static Call read(BcsReader r) {
        int variant = r.variant("Call", 20);
        return switch (variant) {
            case 0 -> new Call.Faucet(addr(r), r.u64());
            case 1 -> new Call.TransferWal(addr(r), r.u64());
            case 2 -> new Call.ReserveSpace(r.u64(), r.u64());
            case 3 -> new Call.RegisterBlob(addr(r), BlobId.of(r.fixedBytes(BlobId.LENGTH)), r.bytes(), r.u64(),
                    (int) r.u32(), r.bool());
            case 4 -> new Call.CertifyBlob(addr(r), r.bytes(), r.bytes(), r.bytes());
            case 5 -> new Call.DeleteBlob(addr(r));
            case 6 -> new Call.ExtendBlob(addr(r), r.u64());
            case 7 -> new Call.InvalidateBlobId(r.bytes(), r.bytes(), r.bytes());
            case 8 -> new Call.SetBlobAttribute(addr(r), r.string(), r.string());
            case 9 -> new Call.RemoveBlobAttribute(addr(r), r.string());
            case 10 -> new Call.RegisterCandidate(r.string(), r.string(),
                    BlsPublicKey.fromBytes(r.fixedBytes(BlsPublicKey.LENGTH)), r.bytes(), r.bytes(), (int) r.u32(),
                    r.u64(), r.u64(), r.u64());
            case 11 -> new Call.StakeWithPool(addr(r), r.u64());
            case 12 -> new Call.SetStoragePriceVote(addr(r), r.u64());
            case 13 -> new Call.SetWritePriceVote(addr(r), r.u64());
            case 14 -> new Call.SetNodeCapacityVote(addr(r), r.u64());
            case 15 -> new Call.UpdatePrices();
            case 16 -> new Call.VotingEnd();
            case 17 -> new Call.InitiateEpochChange();
            case 18 -> new Call.EpochSyncDone(addr(r), r.u64());
            default -> new Call.AdvanceEpoch();
        };
    }

    private static BcsWriter addr(BcsWriter w, SuiAddress a) {
        return w.fixedBytes(a.bytes());
    }

    private static SuiAddress addr(BcsReader r) {
        return SuiAddress.of(r.fixedBytes(SuiAddress.LENGTH));
    }
}
