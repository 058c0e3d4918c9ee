package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A blob object, Move {@code blob::Blob} ({@code docs/spec/walrus-chain.md} 2.3): {@code id: UID,
 * registered_epoch: u32, blob_id: u256, size: u64 (unencoded), encoding_type: u8,
 * certified_epoch: Option<u32>, storage: Storage, deletable: bool}.
 */
public record Blob(SuiAddress id, long registeredEpoch, BlobId blobId, long size, int encodingType,
        OptionalLong certifiedEpoch, Storage storage, boolean deletable) {

    public Blob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(certifiedEpoch, "certifiedEpoch");
        Objects.requireNonNull(storage, "storage");
    }

    public static Blob read(BcsReader r) {
        SuiAddress id = SuiAddress.read(r);
        long registered = r.u32();
        BlobId blobId = BlobId.read(r);
        long size = r.u64();
        int encodingType = r.u8();
        OptionalLong certified = r.option(BcsReader::u32).map(OptionalLong::of).orElse(OptionalLong.empty());
        Storage storage = Storage.read(r);
        boolean deletable = r.bool();
        return new Blob(id, registered, blobId, size, encodingType, certified, storage, deletable);
    }

    /** Decodes a whole {@code Blob} object. */
    public static Blob fromBcs(byte[] bcs) {
        return MoveObjects.decode("Blob", bcs, Blob::read);
    }

    public void writeBcs(BcsWriter w) {
        id.writeBcs(w);
        w.u32(registeredEpoch);
        blobId.writeBcs(w);
        w.u64(size).u8(encodingType);
        w.option(certifiedEpoch.isPresent() ? certifiedEpoch.getAsLong() : null, BcsWriter::u32);
        storage.writeBcs(w);
        w.bool(deletable);
    }

    /** Certified and its storage does not end before {@code currentEpoch + 1}. */
    public boolean isAvailableIn(long currentEpoch) {
        return certifiedEpoch.isPresent() && storage.endEpoch() > currentEpoch;
    }
}
