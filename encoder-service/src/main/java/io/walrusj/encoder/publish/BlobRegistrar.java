package io.walrusj.encoder.publish;

import io.walrusj.chain.WriteResult;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.metadata.EncodingType;

/** The store's chain transactions from the publisher wallet: {@code reserve_space} + {@code register_blob}, then {@code certify_blob}. */
public final class BlobRegistrar {
    private final PublisherWallet wallet;

    public BlobRegistrar(PublisherWallet wallet) {
        this.wallet = wallet;
    }

    /** Buys {@code cost.encodedLength()} bytes for {@code epochs} epochs and registers the blob in them (two transactions). */
    public Registration register(EncodedBlob blob, StoreCost cost, boolean deletable) {
        wallet.ensureFunds(cost.total());
        WriteResult reserved = wallet.write(w -> w.reserveSpace(cost.encodedLength(), cost.epochs()), "reserve_space");
        var storage = reserved.createdOne("::storage_resource::Storage");
        var metadata = blob.metadata().metadata();
        WriteResult registered = wallet.write(w -> w.registerBlob(storage, blob.blobId(), metadata.rootHash().bytes(),
                metadata.unencodedLength(), EncodingType.RS2.id(), deletable), "register_blob");
        return new Registration(storage, registered.createdOne("::blob::Blob"));
    }

    /** {@code certify_blob}; an {@link EpochChangedException} if the certificate is for an epoch that has passed. */
    public void certify(Registration registration, Certificate certificate) {
        wallet.write(w -> w.certifyBlob(registration.blobObjectId(), certificate.signature().toBytes(),
                certificate.signers().toBytes(), certificate.message()), "certify_blob");
    }
}
