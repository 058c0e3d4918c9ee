package io.walrusj.chain;

import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.Objects;

/**
 * The Walrus operations the services send, signed by one sender, named after the Walrus Move entry
 * functions. Get one from {@code Chain.writer(key)}. Today's implementation is
 * {@link io.walrusj.chain.devnet.DevnetChainWriter} (the devnet's transaction format); a Sui
 * transaction writer follows (issue "Sui transactions"). Each call waits until the transaction is
 * executed. A rejected transaction throws {@link io.walrusj.chain.devnet.TransactionRejectedException};
 * transport failures the client's {@link ChainException}s. Writes are never retried here (a retry
 * could apply twice); the caller decides.
 */
public interface ChainWriter {

    /** {@code staking::register_candidate} parameters (see the Walrus contract). */
    record Candidate(String name, String networkAddress, BlsPublicKey blsPublicKey, byte[] proofOfPossession,
            byte[] networkPublicKey, int commissionRate, long storagePrice, long writePrice, long nodeCapacity) {
        public Candidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(networkAddress, "networkAddress");
            Objects.requireNonNull(blsPublicKey, "blsPublicKey");
            proofOfPossession = proofOfPossession.clone();
            networkPublicKey = networkPublicKey.clone();
        }
    }

    /** The address that signs and pays. */
    SuiAddress sender();

    /** The sender's WAL balance (FROST). */
    long walBalance();

    /** {@code system::reserve_space}: creates a {@code storage_resource::Storage}. */
    WriteResult reserveSpace(long encodedSize, long epochsAhead);

    /** {@code system::register_blob}: consumes the storage, creates a {@code blob::Blob}. */
    WriteResult registerBlob(SuiAddress storageId, BlobId blobId, byte[] rootHash, long size, int encodingType,
            boolean deletable);

    /** {@code system::certify_blob} with a confirmation certificate of a quorum. */
    WriteResult certifyBlob(SuiAddress blobObjectId, byte[] signature, byte[] signersBitmap, byte[] message);

    /** {@code system::delete_blob}. */
    WriteResult deleteBlob(SuiAddress blobObjectId);

    /** {@code system::extend_blob}. */
    WriteResult extendBlob(SuiAddress blobObjectId, long extendedEpochs);

    /** {@code blob::insert_or_update_metadata_pair}: sets a blob attribute. */
    WriteResult insertOrUpdateMetadataPair(SuiAddress blobObjectId, String key, String value);

    /** {@code blob::remove_metadata_pair}: removes a blob attribute. */
    WriteResult removeMetadataPair(SuiAddress blobObjectId, String key);

    /** {@code system::invalidate_blob_id} with an invalid-blob certificate. */
    WriteResult invalidateBlobId(byte[] signature, byte[] signersBitmap, byte[] message);

    /** {@code staking::register_candidate}: creates the node's {@code StakingPool} (id = node id) and {@code StorageNodeCap}. */
    WriteResult registerCandidate(Candidate candidate);

    /** {@code staking::stake_with_pool}: creates a {@code StakedWal}. */
    WriteResult stakeWithPool(SuiAddress nodeId, long amount);

    /** {@code staking::epoch_sync_done}. */
    WriteResult epochSyncDone(SuiAddress nodeId, long epoch);

    /** Devnet only: mints {@code amount} FROST of WAL to the sender (if the devnet's faucet is enabled). */
    WriteResult faucet(long amount);
}
