package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/**
 * A storage reservation, Move {@code storage_resource::Storage}
 * ({@code docs/spec/walrus-chain.md} 2.3): {@code id: UID, start_epoch: u32, end_epoch: u32 (exclusive),
 * storage_size: u64} - {@code storageSize} encoded bytes per epoch in {@code [start, end)}.
 */
public record Storage(SuiAddress id, long startEpoch, long endEpoch, long storageSize) {

    public Storage {
        Objects.requireNonNull(id, "id");
    }

    public static Storage read(BcsReader r) {
        return new Storage(SuiAddress.read(r), r.u32(), r.u32(), r.u64());
    }

    /** Decodes a whole {@code Storage} object. */
    public static Storage fromBcs(byte[] bcs) {
        return MoveObjects.decode("Storage", bcs, Storage::read);
    }

    public void writeBcs(BcsWriter w) {
        id.writeBcs(w);
        w.u32(startEpoch).u32(endEpoch).u64(storageSize);
    }

    /** Whether the reservation covers {@code epoch}. */
    public boolean covers(long epoch) {
        return startEpoch <= epoch && epoch < endEpoch;
    }
}
