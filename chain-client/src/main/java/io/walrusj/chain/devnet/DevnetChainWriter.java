package io.walrusj.chain.devnet;

import io.walrusj.chain.ChainWriter;
import io.walrusj.chain.WriteResult;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.Objects;

/** {@link ChainWriter} over the devnet's transaction format ({@link DevnetClient#execute}), signed by one key. */
public final class DevnetChainWriter implements ChainWriter {

    private final DevnetClient devnet;
    private final Ed25519KeyPair key;

    public DevnetChainWriter(DevnetClient devnet, Ed25519KeyPair key) {
        this.devnet = Objects.requireNonNull(devnet, "devnet");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Maps an executed devnet transaction (digest, created objects). */
    public static WriteResult result(Executed e) {
        return new WriteResult(e.digest(), e.objectChanges().stream().filter(Executed.ObjectChange::isCreated)
                .map(c -> new WriteResult.Created(c.objectId(), c.objectType())).toList());
    }

    private WriteResult run(Call call) {
        return result(devnet.execute(key, call));
    }

    @Override
    public SuiAddress sender() {
        return key.suiAddress();
    }

    @Override
    public long walBalance() {
        return devnet.balance(key.suiAddress());
    }

    @Override
    public WriteResult reserveSpace(long encodedSize, long epochsAhead) {
        return run(new Call.ReserveSpace(encodedSize, epochsAhead));
    }

    @Override
    public WriteResult registerBlob(SuiAddress storageId, BlobId blobId, byte[] rootHash, long size, int encodingType,
            boolean deletable) {
        return run(new Call.RegisterBlob(storageId, blobId, rootHash, size, encodingType, deletable));
    }

    @Override
    public WriteResult certifyBlob(SuiAddress blobObjectId, byte[] signature, byte[] signersBitmap, byte[] message) {
        return run(new Call.CertifyBlob(blobObjectId, signature, signersBitmap, message));
    }

    @Override
    public WriteResult deleteBlob(SuiAddress blobObjectId) {
        return run(new Call.DeleteBlob(blobObjectId));
    }

    @Override
    public WriteResult extendBlob(SuiAddress blobObjectId, long extendedEpochs) {
        return run(new Call.ExtendBlob(blobObjectId, extendedEpochs));
    }

    @Override
    public WriteResult insertOrUpdateMetadataPair(SuiAddress blobObjectId, String key, String value) {
        return run(new Call.SetBlobAttribute(blobObjectId, key, value));
    }

    @Override
    public WriteResult removeMetadataPair(SuiAddress blobObjectId, String key) {
        return run(new Call.RemoveBlobAttribute(blobObjectId, key));
    }

    @Override
    public WriteResult invalidateBlobId(byte[] signature, byte[] signersBitmap, byte[] message) {
        return run(new Call.InvalidateBlobId(signature, signersBitmap, message));
    }

    @Override
    public WriteResult registerCandidate(Candidate c) {
        return run(new Call.RegisterCandidate(c.name(), c.networkAddress(), c.blsPublicKey(), c.proofOfPossession(),
                c.networkPublicKey(), c.commissionRate(), c.storagePrice(), c.writePrice(), c.nodeCapacity()));
    }

    @Override
    public WriteResult stakeWithPool(SuiAddress nodeId, long amount) {
        return run(new Call.StakeWithPool(nodeId, amount));
    }

    @Override
    public WriteResult epochSyncDone(SuiAddress nodeId, long epoch) {
        return run(new Call.EpochSyncDone(nodeId, epoch));
    }

    @Override
    public WriteResult faucet(long amount) {
        return run(new Call.Faucet(key.suiAddress(), amount));
    }
}
