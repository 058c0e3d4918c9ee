package io.walrusj.chain.devnet;

import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.Objects;

/**
 * The entry points the devnet executes, one record per Move entry function (module and function
 * name via {@link #module()} / {@link #function()}), plus devnet-only calls (module {@code devnet}).
 * Arrays are copied on construction; the state machine never modifies them.
 *
 * <p>A call is the payload of a {@link DevnetTransaction} (canonical bytes: {@link CallCodec}); the
 * devnet's system contract executes it, and clients build, sign and submit it with
 * {@link DevnetClient}.
 *
 * <p>Objects the call consumes or mutates ({@code Storage}, {@code Blob}) must be owned by the
 * sender; calls that need a {@code StorageNodeCap} name the node and the sender must own its cap.
 * WAL payments are debited from the sender's balance.
 */
public sealed interface Call {

    /** The Move module of the entry function ({@code devnet} for devnet-only calls). */
    String module();

    /** The Move function name. */
    String function();

    // ------------------------------------------------------------------ WAL (devnet)

    /**
     * Mints {@code amount} FROST to {@code recipient}; only if the devnet's genesis enabled the
     * faucet ({@link ChainInfo#faucetEnabled()}).
     */
    record Faucet(SuiAddress recipient, long amount) implements Call {
        public Faucet {
            Objects.requireNonNull(recipient, "recipient");
        }

        @Override
        public String module() {
            return "devnet";
        }

        @Override
        public String function() {
            return "faucet";
        }
    }

    /** Moves {@code amount} FROST from the sender to {@code recipient} (the devnet's Coin<WAL> transfer). */
    record TransferWal(SuiAddress recipient, long amount) implements Call {
        public TransferWal {
            Objects.requireNonNull(recipient, "recipient");
        }

        @Override
        public String module() {
            return "devnet";
        }

        @Override
        public String function() {
            return "transfer_wal";
        }
    }

    // ------------------------------------------------------------------ storage and blobs

    /** {@code system::reserve_space}: a {@code Storage} of {@code size} encoded bytes for [current, current + epochsAhead). */
    record ReserveSpace(long size, long epochsAhead) implements Call {
        @Override
        public String module() {
            return "system";
        }

        @Override
        public String function() {
            return "reserve_space";
        }
    }

    /**
     * {@code system::register_blob}: wraps the sender's {@code Storage} into a new {@code Blob}.
     *
     * @param rootHash the 32-byte Merkle root (the u256 argument's little-endian bytes)
     * @param encodingType 1 (RS2) is the only supported type
     */
    record RegisterBlob(SuiAddress storageId, BlobId blobId, byte[] rootHash, long size, int encodingType,
            boolean deletable) implements Call {
        public RegisterBlob {
            Objects.requireNonNull(storageId, "storageId");
            Objects.requireNonNull(blobId, "blobId");
            rootHash = rootHash.clone();
        }

        @Override
        public String module() {
            return "system";
        }

        @Override
        public String function() {
            return "register_blob";
        }
    }

    /** {@code system::certify_blob} with the raw certificate arguments. */
    record CertifyBlob(SuiAddress blobObjectId, byte[] signature, byte[] signersBitmap, byte[] message)
            implements Call {
        public CertifyBlob {
            Objects.requireNonNull(blobObjectId, "blobObjectId");
            signature = signature.clone();
            signersBitmap = signersBitmap.clone();
            message = message.clone();
        }

        @Override
        public String module() {
            return "system";
        }

        @Override
        public String function() {
            return "certify_blob";
        }
    }

    /** {@code system::delete_blob}: the {@code Storage} goes back to the sender. */
    record DeleteBlob(SuiAddress blobObjectId) implements Call {
        public DeleteBlob {
            Objects.requireNonNull(blobObjectId, "blobObjectId");
        }

        @Override
        public String module() {
            return "system";
        }

        @Override
        public String function() {
            return "delete_blob";
        }
    }

    /** {@code system::extend_blob}: pays storage for {@code extendedEpochs} more epochs. */
    record ExtendBlob(SuiAddress blobObjectId, long extendedEpochs) implements Call {
        public ExtendBlob {
            Objects.requireNonNull(blobObjectId, "blobObjectId");
        }

        @Override
        public String module() {
            return "system";
        }

        @Override
        public String function() {
            return "extend_blob";
        }
    }

    /** {@code system::invalidate_blob_id} with the raw certificate arguments. */
    record InvalidateBlobId(byte[] signature, byte[] signersBitmap, byte[] message) implements Call {
        public InvalidateBlobId {
            signature = signature.clone();
            signersBitmap = signersBitmap.clone();
            message = message.clone();
        }

        @Override
        public String module() {
            return "system";
        }

        @Override
        public String function() {
            return "invalidate_blob_id";
        }
    }

    /** {@code blob::insert_or_update_metadata_pair}: sets a blob attribute. */
    record SetBlobAttribute(SuiAddress blobObjectId, String key, String value) implements Call {
        public SetBlobAttribute {
            Objects.requireNonNull(blobObjectId, "blobObjectId");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String module() {
            return "blob";
        }

        @Override
        public String function() {
            return "insert_or_update_metadata_pair";
        }
    }

    /** {@code blob::remove_metadata_pair}: removes a blob attribute (aborts if it is not set). */
    record RemoveBlobAttribute(SuiAddress blobObjectId, String key) implements Call {
        public RemoveBlobAttribute {
            Objects.requireNonNull(blobObjectId, "blobObjectId");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String module() {
            return "blob";
        }

        @Override
        public String function() {
            return "remove_metadata_pair";
        }
    }

    // ------------------------------------------------------------------ staking

    /**
     * {@code staking::register_candidate}: creates a staking pool (its id is the node id) and gives
     * the sender the {@code StorageNodeCap}. The proof of possession is the BLS signature of
     * {@code ProofOfPossessionMessage(current epoch, sender, blsPublicKey)}.
     *
     * @param commissionRate basis points, at most 10,000
     * @param networkPublicKey 33-byte compressed secp256r1 key
     */
    record RegisterCandidate(String name, String networkAddress, BlsPublicKey blsPublicKey,
            byte[] proofOfPossession, byte[] networkPublicKey, int commissionRate, long storagePrice,
            long writePrice, long nodeCapacity) implements Call {
        public RegisterCandidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(networkAddress, "networkAddress");
            Objects.requireNonNull(blsPublicKey, "blsPublicKey");
            proofOfPossession = proofOfPossession.clone();
            networkPublicKey = networkPublicKey.clone();
        }

        @Override
        public String module() {
            return "staking";
        }

        @Override
        public String function() {
            return "register_candidate";
        }
    }

    /** {@code staking::stake_with_pool}: stakes {@code amount} FROST of the sender; mints a {@code StakedWal}. */
    record StakeWithPool(SuiAddress nodeId, long amount) implements Call {
        public StakeWithPool {
            Objects.requireNonNull(nodeId, "nodeId");
        }

        @Override
        public String module() {
            return "staking";
        }

        @Override
        public String function() {
            return "stake_with_pool";
        }
    }

    /** {@code staking::set_storage_price_vote} (takes effect at the next {@link UpdatePrices} or epoch change). */
    record SetStoragePriceVote(SuiAddress nodeId, long storagePrice) implements Call {
        public SetStoragePriceVote {
            Objects.requireNonNull(nodeId, "nodeId");
        }

        @Override
        public String module() {
            return "staking";
        }

        @Override
        public String function() {
            return "set_storage_price_vote";
        }
    }

    /** {@code staking::set_write_price_vote} (takes effect at the next {@link UpdatePrices} or epoch change). */
    record SetWritePriceVote(SuiAddress nodeId, long writePrice) implements Call {
        public SetWritePriceVote {
            Objects.requireNonNull(nodeId, "nodeId");
        }

        @Override
        public String module() {
            return "staking";
        }

        @Override
        public String function() {
            return "set_write_price_vote";
        }
    }

    /** {@code staking::set_node_capacity_vote} (counted at the next {@code voting_end}). */
    record SetNodeCapacityVote(SuiAddress nodeId, long nodeCapacity) implements Call {
        public SetNodeCapacityVote {
            Objects.requireNonNull(nodeId, "nodeId");
        }

        @Override
        public String module() {
            return "staking";
        }

        @Override
        public String function() {
            return "set_node_capacity_vote";
        }
    }

    /** {@code staking::update_prices}: recomputes both prices from the current committee's votes. */
    record UpdatePrices() implements Call {
        @Override
        public String module() {
            return "staking";
        }

        @Override
        public String function() {
            return "update_prices";
        }
    }

    // ------------------------------------------------------------------ epochs

    /** {@code staking::voting_end}: selects the next committee; allowed half an epoch after the last change. */
    record VotingEnd() implements Call {
        @Override
        public String module() {
            return "staking";
        }

        @Override
        public String function() {
            return "voting_end";
        }
    }

    /** {@code staking::initiate_epoch_change_v2}: starts the next epoch; allowed an epoch after the last change. */
    record InitiateEpochChange() implements Call {
        @Override
        public String module() {
            return "staking";
        }

        @Override
        public String function() {
            return "initiate_epoch_change_v2";
        }
    }

    /** {@code staking::epoch_sync_done}: the node (sender owns its cap) has received its shards for {@code epoch}. */
    record EpochSyncDone(SuiAddress nodeId, long epoch) implements Call {
        public EpochSyncDone {
            Objects.requireNonNull(nodeId, "nodeId");
        }

        @Override
        public String module() {
            return "staking";
        }

        @Override
        public String function() {
            return "epoch_sync_done";
        }
    }

    /**
     * Devnet shortcut: one transaction that completes a pending epoch change (sync done for every
     * committee node that has not reported), runs {@code voting_end}, {@code initiate_epoch_change_v2}
     * and {@code epoch_sync_done} for every node of the new committee, ignoring the clock. Anyone may
     * call it; the events are the ones the individual calls emit, in the same order.
     */
    record AdvanceEpoch() implements Call {
        @Override
        public String module() {
            return "devnet";
        }

        @Override
        public String function() {
            return "advance_epoch";
        }
    }
}
