package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Move {@code blob::Blob}: {@code id, registered_epoch: u32, blob_id: u256, size: u64,
 * encoding_type: u8, certified_epoch: Option<u32>, storage: Storage, deletable: bool}. The blob id's
 * BCS is its 32 raw bytes (the u256 in little-endian).
 */
record BlobObject(SuiAddress id, long registeredEpoch, BlobId blobId, long size, int encodingType,
        OptionalLong certifiedEpoch, StorageResource storage, boolean deletable) implements MoveObject {

    BlobObject withCertifiedEpoch(long epoch) {
        return new BlobObject(id, registeredEpoch, blobId, size, encodingType, OptionalLong.of(epoch), storage,
                deletable);
    }

    BlobObject withStorage(StorageResource newStorage) {
        return new BlobObject(id, registeredEpoch, blobId, size, encodingType, certifiedEpoch, newStorage, deletable);
    }

    long endEpoch() {
        return storage.endEpoch();
    }

    @Override
    public String type(TypeNames types) {
        return types.walrus("blob", "Blob");
    }

    @Override
    public void writeBcs(BcsWriter w) {
        w.fixedBytes(id.bytes()).u32(registeredEpoch);
        blobId.writeBcs(w);
        w.u64(size).u8(encodingType);
        w.option(certifiedEpoch.isPresent() ? certifiedEpoch.getAsLong() : null, BcsWriter::u32);
        storage.writeBcs(w);
        w.bool(deletable);
    }

    @Override
    public Map<String, Object> json() {
        return Json.obj().put("id", Json.uid(id)).put("registered_epoch", registeredEpoch)
                .put("blob_id", Json.u256(blobId)).put("size", Json.u64(size)).put("encoding_type", encodingType)
                .put("certified_epoch", certifiedEpoch.isPresent() ? certifiedEpoch.getAsLong() : null)
                .put("storage", storage.json()).put("deletable", deletable).build();
    }

    @Override
    public BlobObject copy() {
        return this;
    }
}
