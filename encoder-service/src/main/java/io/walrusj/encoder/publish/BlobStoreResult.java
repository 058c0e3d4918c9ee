package io.walrusj.encoder.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.walrusj.chain.model.Blob;
import io.walrusj.nodeclient.EventId;

/**
 * The 200 body of {@code PUT /v1/blobs}: Walrus's externally tagged {@code BlobStoreResult} with
 * camelCase keys (client-http-api 2.1). Only the two variants the publisher answers with exist here.
 */
public sealed interface BlobStoreResult {

    /** {@code {"newlyCreated": {...}}}. */
    record NewlyCreatedResult(NewlyCreated newlyCreated) implements BlobStoreResult {}

    /** {@code {"alreadyCertified": {...}}}. */
    record AlreadyCertifiedResult(AlreadyCertified alreadyCertified) implements BlobStoreResult {}

    /**
     * @param cost FROST paid (storage fee + write fee), excluding gas
     * @param sharedBlobObject only with {@code share=true}, which this publisher refuses; always omitted
     */
    record NewlyCreated(BlobObject blobObject, ResourceOperation resourceOperation, long cost,
            @JsonInclude(JsonInclude.Include.NON_NULL) String sharedBlobObject) {}

    /** {@code {"registerFromScratch": {"encodedLength", "epochsAhead"}}}: the only operation of this publisher. */
    record ResourceOperation(RegisterFromScratch registerFromScratch) {
        public static ResourceOperation fromScratch(long encodedLength, long epochsAhead) {
            return new ResourceOperation(new RegisterFromScratch(encodedLength, epochsAhead));
        }
    }

    record RegisterFromScratch(long encodedLength, long epochsAhead) {}

    /** The Move {@code Blob} as JSON ({@code walrus_sui::types::move_structs::Blob}, camelCase). */
    record BlobObject(String id, long registeredEpoch, String blobId, long size, String encodingType,
            Long certifiedEpoch, StorageObject storage, boolean deletable) {

        public static BlobObject of(Blob blob) {
            return new BlobObject(blob.id().toString(), blob.registeredEpoch(), blob.blobId().toString(), blob.size(),
                    blob.encodingType() == 1 ? "RS2" : "RedStuffRaptorQ",
                    blob.certifiedEpoch().isPresent() ? blob.certifiedEpoch().getAsLong() : null,
                    new StorageObject(blob.storage().id().toString(), blob.storage().startEpoch(),
                            blob.storage().endEpoch(), blob.storage().storageSize()),
                    blob.deletable());
        }
    }

    record StorageObject(String id, long startEpoch, long endEpoch, long storageSize) {}

    /** {@code event} is the node-reported status event; {@code eventSeq} is a decimal string as in Sui's EventID. */
    record AlreadyCertified(String blobId, Event event, long endEpoch) {}

    record Event(String txDigest, String eventSeq) {
        public static Event of(EventId id) {
            return new Event(id.txDigest(), Long.toUnsignedString(id.eventSeq()));
        }
    }
}
