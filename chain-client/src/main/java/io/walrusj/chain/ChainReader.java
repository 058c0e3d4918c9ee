package io.walrusj.chain;

import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.chain.model.BlsCommittee;
import io.walrusj.chain.model.Committee;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.StakingPool;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.chain.model.WalrusSharedObject;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Map;

/**
 * The Walrus reads the services make, whatever the transport. Get one from
 * {@code Chains} (see the README); {@link WalrusChainReader} is the implementation, over a
 * {@link GrpcObjectSource} (default) or a {@link JsonRpcObjectSource} (legacy).
 *
 * <p>Missing objects throw {@link io.walrusj.chain.rpc.SuiObjectUnavailableException}, transport
 * failures the client's {@link ChainException}s ({@code SuiTransportException} is the retryable one),
 * undecodable objects {@link io.walrusj.chain.model.WalrusDecodeException}.
 */
public interface ChainReader {

    /** The Walrus network read (package, System and Staking ids). */
    WalrusNetwork network();

    /** The {@code System} object (version and package ids). */
    WalrusSharedObject systemObject();

    /** The {@code Staking} object (version and package ids). */
    WalrusSharedObject stakingObject();

    /** The system's inner state (BLS committee with the current epoch, capacity, prices). */
    SystemStateInnerV1 systemState();

    /** The staking inner state (epoch, committees node -> shards, epoch state). */
    StakingInnerV1 stakingState();

    /** The current Walrus epoch ({@code SystemStateInnerV1.committee.epoch}). */
    default long currentEpoch() {
        return systemState().currentEpoch();
    }

    /** The signing committee (members in signer-bitmap order, weights, epoch). */
    default BlsCommittee committee() {
        return systemState().committee();
    }

    /** The current shard assignment (node id -> shard indices). */
    default Committee shardAssignment() {
        return stakingState().committee();
    }

    /** The previous epoch's shard assignment. */
    default Committee previousShardAssignment() {
        return stakingState().previousCommittee();
    }

    /** A {@code Blob} object. */
    Blob blob(SuiAddress blobObjectId);

    /** A {@code Blob} or {@code SharedBlob} object with the blob's attributes (the aggregator's by-object-id read). */
    BlobWithAttributes blobWithAttributes(SuiAddress objectId);

    /** The {@code StakingPool} of a storage node (pool id = node id), with its {@code StorageNodeInfo}. */
    StakingPool stakingPool(SuiAddress nodeId);

    /** Struct name -> defining package of the {@code events} module of package {@code packageId}. */
    Map<String, SuiAddress> eventTypeOrigins(SuiAddress packageId);

    /** The latest checkpoint's sequence number. */
    long latestCheckpoint();

    /** The balance of {@code coinType} (e.g. {@code 0x2::sui::SUI}) owned by {@code owner}. */
    long balance(SuiAddress owner, String coinType);
}
