package io.walrusj.devnet.contract;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.CertifiedMessage;
import io.walrusj.core.crypto.IntentType;
import io.walrusj.core.crypto.RequiredWeight;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.EncodingType;
import java.util.OptionalLong;

/**
 * The blob lifecycle of {@code system_state_inner} and {@code blob}: register, certify, delete,
 * extend, invalidate. Checks run in the Move order so the first failing one names the same abort.
 */
final class BlobOps {

    private BlobOps() {}

    /** {@code register_blob}: wraps the sender's Storage into a new Blob and charges the write fee. */
    static BlobObject register(Tx tx, Call.RegisterBlob call) {
        SystemInner system = tx.systemMut();
        StorageResource storage = tx.readOwned(call.storageId(), StorageResource.class);
        if (call.rootHash().length != 32) {
            throw new ContractException(AbortReason.EInvalidArgument,
                    "root hash is a u256 (32 bytes), got " + call.rootHash().length + " bytes");
        }
        if (call.encodingType() < 0 || call.encodingType() > 0xFF) {
            throw new ContractException(AbortReason.EInvalidArgument, "encoding type is a u8, got " + call.encodingType());
        }
        // blob::new
        SuiAddress id = tx.newId();
        long epoch = system.epoch();
        ContractException.check(epoch >= storage.startEpoch(), AbortReason.EResourceBounds,
                "storage starts in epoch " + storage.startEpoch() + ", after the current epoch " + epoch);
        ContractException.check(epoch < storage.endEpoch(), AbortReason.EResourceBounds,
                "storage ended with epoch " + storage.endEpoch() + ", the current epoch is " + epoch);
        long encodedSize = StorageOps.encodedLength(call.size(), call.encodingType(), system.nShards());
        ContractException.check(U64.compare(encodedSize, storage.storageSize()) <= 0, AbortReason.EResourceSize,
                "encoded size " + encodedSize + " exceeds the storage size " + storage.storageSize());
        BlobId derived = BlobId.derive(EncodingType.RS2, call.size(), call.rootHash());
        ContractException.check(derived.equals(call.blobId()), AbortReason.EInvalidBlobId,
                "blob id " + call.blobId() + " does not match " + derived + " derived from the root hash and size");
        tx.emit(tx.events().blobRegistered(epoch, call.blobId(), call.size(), call.encodingType(), storage.endEpoch(),
                call.deletable(), id));
        BlobObject blob = new BlobObject(id, epoch, call.blobId(), call.size(), call.encodingType(),
                OptionalLong.empty(), storage, call.deletable());
        // write fee into the current epoch's bucket
        long fee = U64.mul(system.writePricePerUnitSize, StorageOps.units(encodedSize));
        tx.debit(tx.sender(), fee);
        AccountingRing.Entry current = system.futureAccounting.lookup(0);
        current.rewards = U64.add(current.rewards, fee);
        tx.wrap(storage.id());
        tx.create(blob, new Owner.AddressOwner(tx.sender()));
        return blob;
    }

    /** {@code certify_blob}: a quorum certificate over a BLOB_CERT message of the current epoch. */
    static void certify(Tx tx, Call.CertifyBlob call) {
        SystemInner system = tx.system();
        BlobObject blob = tx.readOwned(call.blobObjectId(), BlobObject.class);
        CertifiedMessage message = CertificateCheck.verify(system.committee, call.signature(), call.signersBitmap(),
                call.message(), RequiredWeight.QUORUM, IntentType.BLOB_CERT);
        long epoch = system.epoch();
        ContractException.check(message.header().epoch() == epoch, AbortReason.EInvalidIdEpoch,
                "certificate epoch " + message.header().epoch() + ", current epoch " + epoch);
        CertificateCheck.BlobCertBody body = CertificateCheck.blobCertBody(message);
        ContractException.check(blob.blobId().equals(body.blobId()), AbortReason.EInvalidBlobId,
                "certificate is for blob " + body.blobId() + ", the object holds " + blob.blobId());
        ContractException.check(blob.certifiedEpoch().isEmpty(), AbortReason.EAlreadyCertified,
                "blob object " + blob.id() + " is already certified");
        ContractException.check(epoch < blob.endEpoch(), AbortReason.EResourceBounds,
                "blob expired with epoch " + blob.endEpoch());
        ContractException.check(blob.deletable() == body.deletableObjectId().isPresent(),
                AbortReason.EInvalidBlobPersistenceType, "certificate persistence type does not match the blob");
        if (blob.deletable()) {
            ContractException.check(body.deletableObjectId().get().equals(blob.id()), AbortReason.EInvalidBlobObject,
                    "certificate names object " + body.deletableObjectId().get() + ", not " + blob.id());
        }
        BlobObject certified = blob.withCertifiedEpoch(epoch);
        tx.replace(certified);
        tx.emit(certifiedEvent(tx, certified, false));
    }

    /** {@code delete_blob}: removes a deletable blob (and its attributes); the Storage goes back to the sender. */
    static StorageResource delete(Tx tx, Call.DeleteBlob call) {
        SystemInner system = tx.system();
        BlobObject blob = tx.readOwned(call.blobObjectId(), BlobObject.class);
        BlobAttributeOps.removeField(tx, blob.id());
        long epoch = system.epoch();
        ContractException.check(blob.deletable(), AbortReason.EBlobNotDeletable, "blob " + blob.id() + " is permanent");
        ContractException.check(blob.endEpoch() > epoch, AbortReason.EResourceBounds,
                "blob expired with epoch " + blob.endEpoch());
        tx.delete(blob.id());
        tx.emit(tx.events().blobDeleted(epoch, blob.blobId(), blob.endEpoch(), blob.id(),
                blob.certifiedEpoch().isPresent()));
        tx.create(blob.storage(), new Owner.AddressOwner(tx.sender()));
        return blob.storage();
    }

    /** {@code extend_blob}: pays storage for {@code extended_epochs} more epochs of a certified blob. */
    static void extend(Tx tx, Call.ExtendBlob call) {
        SystemInner system = tx.systemMut();
        BlobObject blob = tx.readOwned(call.blobObjectId(), BlobObject.class);
        long epoch = system.epoch();
        ContractException.check(blob.certifiedEpoch().isPresent(), AbortReason.ENotCertified,
                "blob " + blob.id() + " is not certified");
        ContractException.check(epoch < blob.endEpoch(), AbortReason.EResourceBounds,
                "blob expired with epoch " + blob.endEpoch());
        long extended = U64.requireU32(call.extendedEpochs(), "extended_epochs");
        long startOffset = blob.endEpoch() - epoch;
        long endOffset = U64.addU32(startOffset, extended);
        ContractException.check(extended > 0, AbortReason.EInvalidEpochsAhead, "extended_epochs must be > 0");
        ContractException.check(endOffset <= system.futureAccounting.maxEpochsAhead(), AbortReason.EInvalidEpochsAhead,
                "the blob would end " + endOffset + " epochs ahead, the maximum is "
                        + system.futureAccounting.maxEpochsAhead());
        long storageSize = blob.storage().storageSize();
        StorageOps.payStorage(tx, system, storageSize, startOffset, endOffset);
        for (long i = startOffset; i < endOffset; i++) {
            AccountingRing.Entry e = system.futureAccounting.lookup(i);
            e.usedCapacity = U64.add(e.usedCapacity, storageSize);
            ContractException.check(U64.compare(e.usedCapacity, system.totalCapacitySize) <= 0,
                    AbortReason.EStorageExceeded, "epoch " + (epoch + i) + " would exceed the capacity");
        }
        BlobObject extendedBlob = blob.withStorage(blob.storage().withEndEpoch(U64.addU32(blob.endEpoch(), extended)));
        tx.replace(extendedBlob);
        tx.emit(certifiedEvent(tx, extendedBlob, true));
    }

    /** {@code invalidate_blob_id}: a one-correct-node certificate over an INVALID_BLOB_ID message. */
    static BlobId invalidate(Tx tx, Call.InvalidateBlobId call) {
        SystemInner system = tx.system();
        CertifiedMessage message = CertificateCheck.verify(system.committee, call.signature(), call.signersBitmap(),
                call.message(), RequiredWeight.ONE_CORRECT_NODE, IntentType.INVALID_BLOB_ID);
        long epoch = message.header().epoch();
        BlobId blobId = CertificateCheck.invalidBlobIdBody(message);
        ContractException.check(epoch == system.epoch(), AbortReason.EInvalidIdEpoch,
                "certificate epoch " + epoch + ", current epoch " + system.epoch());
        tx.emit(tx.events().invalidBlobId(epoch, blobId));
        return blobId;
    }

    /** {@code blob::emit_certified}: the event carries the blob's first certified epoch. */
    private static EmittedEvent certifiedEvent(Tx tx, BlobObject blob, boolean isExtension) {
        return tx.events().blobCertified(blob.certifiedEpoch().getAsLong(), blob.blobId(), blob.endEpoch(),
                blob.deletable(), blob.id(), isExtension);
    }
}
