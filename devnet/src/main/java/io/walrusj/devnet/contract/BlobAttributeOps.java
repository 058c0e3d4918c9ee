package io.walrusj.devnet.contract;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Optional;

/**
 * Blob attributes ({@code blob::insert_or_update_metadata_pair}, {@code remove_metadata_pair}): a
 * {@code Metadata} value in the blob's dynamic field {@code b"metadata"}, a separate ledger object
 * owned by the blob.
 */
final class BlobAttributeOps {

    private BlobAttributeOps() {}

    static void set(Tx tx, Call.SetBlobAttribute call) {
        BlobObject blob = tx.readOwned(call.blobObjectId(), BlobObject.class);
        tx.replace(blob); // &mut Blob
        Optional<DynamicFieldObject> field = field(tx, blob.id());
        if (field.isPresent()) {
            BlobAttributes attributes = (BlobAttributes) field.get().value();
            tx.replace(field.get().withValue(attributes.with(call.key(), call.value())));
        } else {
            DynamicFieldObject created = DynamicFieldObject.bytesName(blob.id(), BlobAttributes.FIELD_NAME,
                    BlobAttributes.empty().with(call.key(), call.value()));
            tx.create(created, new Owner.ObjectOwner(blob.id()));
        }
    }

    static void remove(Tx tx, Call.RemoveBlobAttribute call) {
        BlobObject blob = tx.readOwned(call.blobObjectId(), BlobObject.class);
        tx.replace(blob); // &mut Blob
        DynamicFieldObject field = field(tx, blob.id()).orElseThrow(() -> new ContractException(
                AbortReason.EMissingMetadata, "blob " + blob.id() + " has no attributes"));
        BlobAttributes attributes = (BlobAttributes) field.value();
        tx.replace(field.withValue(attributes.without(call.key())));
    }

    /** Removes the attributes field of a blob being deleted, if it has one. */
    static void removeField(Tx tx, SuiAddress blobId) {
        field(tx, blobId).ifPresent(f -> tx.delete(f.id()));
    }

    private static Optional<DynamicFieldObject> field(Tx tx, SuiAddress blobId) {
        DynamicFieldObject probe = DynamicFieldObject.bytesName(blobId, BlobAttributes.FIELD_NAME, BlobAttributes.empty());
        return tx.find(probe.id(), DynamicFieldObject.class);
    }
}
