package io.walrusj.chain.devnet;

import io.walrusj.chain.ChainWriter;
import io.walrusj.chain.WriteResult;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;

/**
 * A {@link ChainWriter} that expresses each Walrus operation as the devnet {@link Call} it
 * corresponds to: one mapping, shared by the devnet writer and the tests' fake writer, which differ
 * only in how a call is {@linkplain #run run}.
 */
public abstract class CallChainWriter implements ChainWriter {

    /** Executes (or records) one call. */
    protected abstract WriteResult run(Call call);

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
        return run(new Call.Faucet(sender(), amount));
    }
}
