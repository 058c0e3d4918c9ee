package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Builds the Walrus events of docs/spec/walrus-chain.md section 4 (module {@code events}), BCS and JSON. */
final class Events {
    private final TypeNames types;

    Events(TypeNames types) {
        this.types = types;
    }

    EmittedEvent blobRegistered(long epoch, BlobId blobId, long size, int encodingType, long endEpoch,
            boolean deletable, SuiAddress objectId) {
        return event("BlobRegistered", w -> {
            w.u32(epoch);
            blobId.writeBcs(w);
            w.u64(size).u8(encodingType).u32(endEpoch).bool(deletable).fixedBytes(objectId.bytes());
        }, Json.obj().put("epoch", epoch).put("blob_id", Json.u256(blobId)).put("size", Json.u64(size))
                .put("encoding_type", encodingType).put("end_epoch", endEpoch).put("deletable", deletable)
                .put("object_id", Json.id(objectId)).build());
    }

    EmittedEvent blobCertified(long epoch, BlobId blobId, long endEpoch, boolean deletable, SuiAddress objectId,
            boolean isExtension) {
        return event("BlobCertified", w -> {
            w.u32(epoch);
            blobId.writeBcs(w);
            w.u32(endEpoch).bool(deletable).fixedBytes(objectId.bytes()).bool(isExtension);
        }, Json.obj().put("epoch", epoch).put("blob_id", Json.u256(blobId)).put("end_epoch", endEpoch)
                .put("deletable", deletable).put("object_id", Json.id(objectId)).put("is_extension", isExtension)
                .build());
    }

    EmittedEvent blobDeleted(long epoch, BlobId blobId, long endEpoch, SuiAddress objectId, boolean wasCertified) {
        return event("BlobDeleted", w -> {
            w.u32(epoch);
            blobId.writeBcs(w);
            w.u32(endEpoch).fixedBytes(objectId.bytes()).bool(wasCertified);
        }, Json.obj().put("epoch", epoch).put("blob_id", Json.u256(blobId)).put("end_epoch", endEpoch)
                .put("object_id", Json.id(objectId)).put("was_certified", wasCertified).build());
    }

    EmittedEvent invalidBlobId(long epoch, BlobId blobId) {
        return event("InvalidBlobID", w -> {
            w.u32(epoch);
            blobId.writeBcs(w);
        }, Json.obj().put("epoch", epoch).put("blob_id", Json.u256(blobId)).build());
    }

    EmittedEvent epochChangeStart(long epoch) {
        return event("EpochChangeStart", w -> w.u32(epoch), Json.obj().put("epoch", epoch).build());
    }

    EmittedEvent epochChangeDone(long epoch) {
        return event("EpochChangeDone", w -> w.u32(epoch), Json.obj().put("epoch", epoch).build());
    }

    EmittedEvent shardsReceived(long epoch, List<Integer> shards) {
        return event("ShardsReceived", w -> w.u32(epoch).sequence(shards, BcsWriter::u16),
                Json.obj().put("epoch", epoch).put("shards", List.copyOf(shards)).build());
    }

    EmittedEvent epochParametersSelected(long nextEpoch) {
        return event("EpochParametersSelected", w -> w.u32(nextEpoch), Json.obj().put("next_epoch", nextEpoch).build());
    }

    EmittedEvent pricesUpdated(long epoch, long storagePrice, long writePrice) {
        return event("PricesUpdated", w -> w.u32(epoch).u64(storagePrice).u64(writePrice),
                Json.obj().put("epoch", epoch).put("storage_price", Json.u64(storagePrice))
                        .put("write_price", Json.u64(writePrice)).build());
    }

    private EmittedEvent event(String name, Consumer<BcsWriter> bcs, Map<String, Object> json) {
        return new EmittedEvent(name, types.event(name), BcsWriter.encode(bcs), json);
    }
}
