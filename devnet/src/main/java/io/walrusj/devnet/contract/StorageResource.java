package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Map;

/**
 * Move {@code storage_resource::Storage}: {@code storage_size} encoded bytes per epoch for
 * {@code [start_epoch, end_epoch)}. A top-level object when owned, a field of {@link BlobObject}
 * when registered (same id).
 */
record StorageResource(SuiAddress id, long startEpoch, long endEpoch, long storageSize) implements MoveObject {

    StorageResource withEndEpoch(long newEndEpoch) {
        return new StorageResource(id, startEpoch, newEndEpoch, storageSize);
    }

    @Override
    public String type(TypeNames types) {
        return types.walrus("storage_resource", "Storage");
    }

    @Override
    public void writeBcs(BcsWriter w) {
        w.fixedBytes(id.bytes()).u32(startEpoch).u32(endEpoch).u64(storageSize);
    }

    @Override
    public Map<String, Object> json() {
        return Json.obj().put("id", Json.uid(id)).put("start_epoch", startEpoch).put("end_epoch", endEpoch)
                .put("storage_size", Json.u64(storageSize)).build();
    }

    @Override
    public StorageResource copy() {
        return this;
    }
}
