package io.walrusj.chain;

import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.StakingPool;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.model.WalrusSharedObject;
import io.walrusj.chain.rpc.SuiObjectUnavailableException;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link ChainReader}: the Walrus logic (which objects, which fields, type checks, decoding)
 * over an {@link ObjectSource}, so that gRPC ({@link GrpcObjectSource}) and the legacy JSON-RPC
 * ({@link JsonRpcObjectSource}) read and decode the same way.
 *
 * <p>An inner state is the dynamic field {@code Field<u64, ...Inner>} of the shared object named by
 * its {@code version}: over gRPC one {@code GetObject} of the derived field id, over JSON-RPC
 * {@code suix_getDynamicFieldObject} + {@code sui_getObject}. Types are checked loosely (module and
 * struct name, not the package ID, which differs between the original and upgraded package versions).
 */
public final class WalrusChainReader implements ChainReader {

    private final ObjectSource source;
    private final WalrusNetwork network;
    private final BlobObjectReader blobs;

    public WalrusChainReader(ObjectSource source, WalrusNetwork network) {
        this.source = Objects.requireNonNull(source, "source");
        this.network = Objects.requireNonNull(network, "network");
        this.blobs = new BlobObjectReader(source);
    }

    /** Legacy JSON-RPC: {@code new WalrusChainReader(new JsonRpcObjectSource(rpc), network)}. */
    public WalrusChainReader(SuiRpcClient rpc, WalrusNetwork network) {
        this(new JsonRpcObjectSource(rpc), network);
    }

    @Override
    public WalrusNetwork network() {
        return network;
    }

    /** The {@code System} object (version and package IDs). */
    @Override
    public WalrusSharedObject systemObject() {
        return WalrusSharedObject.fromBcs("System", read(network.systemObjectId(), "::system::System"));
    }

    /** The {@code Staking} object (version and package IDs). */
    @Override
    public WalrusSharedObject stakingObject() {
        return WalrusSharedObject.fromBcs("Staking", read(network.stakingObjectId(), "::staking::Staking"));
    }

    /** The system's inner state (committee with the current epoch, capacity, prices). */
    @Override
    public SystemStateInnerV1 systemState() {
        WalrusSharedObject system = systemObject();
        byte[] bcs = innerFieldBcs(system, "::system_state_inner::SystemStateInnerV1>");
        return SystemStateInnerV1.fromFieldBcs(bcs, system.version());
    }

    /** The staking inner state (epoch, committees node -> shards, epoch state). */
    @Override
    public StakingInnerV1 stakingState() {
        WalrusSharedObject staking = stakingObject();
        byte[] bcs = innerFieldBcs(staking, "::staking_inner::StakingInnerV1>");
        return StakingInnerV1.fromFieldBcs(bcs, staking.version());
    }

    /** A {@code Blob} object. */
    @Override
    public Blob blob(SuiAddress blobObjectId) {
        return Blob.fromBcs(read(blobObjectId, "::blob::Blob"));
    }

    @Override
    public BlobWithAttributes blobWithAttributes(SuiAddress objectId) {
        return blobs.read(objectId);
    }

    /**
     * The {@code StakingPool} of a storage node (its object ID is the node ID), with the node's
     * {@code StorageNodeInfo} (name, network address, BLS public key).
     *
     * <p>The pool is a child of the {@code pools: ObjectTable<ID, StakingPool>} of
     * {@code StakingInnerV1}. An {@code ObjectTable} entry is a dynamic <em>object</em> field: the
     * value keeps its own ID, so Sui's {@code sui_getObject(nodeId)} returns the pool directly (the
     * devnet stores it owned by the table under that ID too). Only if that finds nothing is
     * {@code suix_getDynamicFieldObject(poolsTable, {"type":"0x2::object::ID","value":nodeId})} tried
     * (which, for a dynamic object field, answers with the value object itself).
     *
     * @throws io.walrusj.chain.rpc.SuiObjectUnavailableException if no pool exists for the node
     */
    @Override
    public StakingPool stakingPool(SuiAddress nodeId) {
        Objects.requireNonNull(nodeId, "nodeId");
        ObjectSource.MoveObject o = source.object(nodeId).or(() -> source.dynamicField(stakingState().poolsTableId(),
                ObjectSource.FieldName.id(nodeId))).orElseThrow(() -> missing("staking pool of node " + nodeId));
        checkType(o, "::staking_pool::StakingPool");
        StakingPool pool = StakingPool.fromBcs(o.contents());
        if (!pool.id().equals(nodeId) || !pool.nodeInfo().nodeId().equals(nodeId)) {
            throw new WalrusDecodeException(WalrusDecodeException.Reason.WRONG_OBJECT_TYPE,
                    "staking pool read for node " + nodeId + " has id " + pool.id() + " / node_id "
                            + pool.nodeInfo().nodeId());
        }
        return pool;
    }

    /**
     * Which package version first defined each struct of the Walrus {@code events} module, read
     * from the {@code typeOriginTable} of package {@code packageId} (normally the latest version,
     * {@link WalrusSharedObject#packageId()} of the {@code System} object): {@code sui_getObject}
     * with {@code showBcs} returns {@code "bcs":{"dataType":"package",...,"typeOriginTable":
     * [{"module_name":"events","datatype_name":"BlobCertified","package":"0x.."},...]}} (older
     * nodes say {@code struct_name}). Event types added by upgrades name their defining package,
     * not the original one; the distinct values are what a follower needs to see every event (see
     * the README).
     *
     * @return struct name to defining package ID, in table order
     */
    @Override
    public Map<String, SuiAddress> eventTypeOrigins(SuiAddress packageId) {
        return source.typeOrigins(packageId, WalrusNetwork.EVENTS_MODULE);
    }

    @Override
    public long latestCheckpoint() {
        return source.latestCheckpoint();
    }

    @Override
    public long balance(SuiAddress owner, String coinType) {
        return source.balance(owner, coinType);
    }

    private byte[] read(SuiAddress id, String typeSuffix) {
        ObjectSource.MoveObject o = source.object(id).orElseThrow(() -> missing("object " + id));
        checkType(o, typeSuffix);
        return o.contents();
    }

    private static SuiObjectUnavailableException missing(String what) {
        return new SuiObjectUnavailableException(null, what + " does not exist", null);
    }

    private byte[] innerFieldBcs(WalrusSharedObject parent, String typeSuffix) {
        ObjectSource.MoveObject field = source.dynamicField(parent.id(), ObjectSource.FieldName.u64(parent.version()))
                .orElseThrow(() -> missing("inner state field " + parent.version() + " of " + parent.id()));
        checkType(field, typeSuffix);
        return field.contents();
    }

    private static void checkType(ObjectSource.MoveObject o, String suffix) {
        o.type().ifPresent(t -> {
            if (!t.endsWith(suffix)) {
                throw new WalrusDecodeException(WalrusDecodeException.Reason.WRONG_OBJECT_TYPE,
                        "object " + o.id() + " has type " + t + ", expected ...'" + suffix + "'");
            }
        });
    }
}
