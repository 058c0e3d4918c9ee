package io.walrusj.chain;

import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.StakingPool;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.model.WalrusSharedObject;
import io.walrusj.chain.rpc.DynamicFieldName;
import io.walrusj.chain.rpc.ObjectDataOptions;
import io.walrusj.chain.rpc.SuiObject;
import io.walrusj.chain.rpc.SuiProtocolException;
import io.walrusj.chain.rpc.SuiObjectResponse;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Reads Walrus state objects through a {@link SuiRpcClient}: the {@code System} and
 * {@code Staking} shared objects, their versioned inner state (hence the current epoch and
 * committee), and {@code Blob} objects.
 *
 * <p>Reading an inner state takes three calls: {@code sui_getObject} of the shared object (for its
 * {@code version}), {@code suix_getDynamicFieldObject(object, {"type":"u64","value":"<version>"})}
 * (which returns the field object's ID but no BCS) and {@code sui_getObject} of that field object
 * with {@code showBcs}. Types are checked loosely (module and struct name, not the package ID,
 * which differs between the original and upgraded package versions).
 */
public final class WalrusChainReader {

    private final SuiRpcClient rpc;
    private final WalrusNetwork network;

    public WalrusChainReader(SuiRpcClient rpc, WalrusNetwork network) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.network = Objects.requireNonNull(network, "network");
    }

    public WalrusNetwork network() {
        return network;
    }

    /** The {@code System} object (version and package IDs). */
    public WalrusSharedObject systemObject() {
        SuiObject o = rpc.getObject(network.systemObjectId(), ObjectDataOptions.bcs()).orElseThrow();
        checkType(o, "::system::System");
        return WalrusSharedObject.fromBcs("System", o.requireBcsBytes());
    }

    /** The {@code Staking} object (version and package IDs). */
    public WalrusSharedObject stakingObject() {
        SuiObject o = rpc.getObject(network.stakingObjectId(), ObjectDataOptions.bcs()).orElseThrow();
        checkType(o, "::staking::Staking");
        return WalrusSharedObject.fromBcs("Staking", o.requireBcsBytes());
    }

    /** The system's inner state (committee with the current epoch, capacity, prices). */
    public SystemStateInnerV1 systemState() {
        WalrusSharedObject system = systemObject();
        byte[] bcs = innerFieldBcs(system, "::system_state_inner::SystemStateInnerV1>");
        return SystemStateInnerV1.fromFieldBcs(bcs, system.version());
    }

    /** The staking inner state (epoch, committees node -> shards, epoch state). */
    public StakingInnerV1 stakingState() {
        WalrusSharedObject staking = stakingObject();
        byte[] bcs = innerFieldBcs(staking, "::staking_inner::StakingInnerV1>");
        return StakingInnerV1.fromFieldBcs(bcs, staking.version());
    }

    /** The current Walrus epoch, {@code SystemStateInnerV1.committee.epoch}. */
    public long currentEpoch() {
        return systemState().currentEpoch();
    }

    /** A {@code Blob} object. */
    public Blob blob(SuiAddress blobObjectId) {
        SuiObject o = rpc.getObject(blobObjectId, ObjectDataOptions.bcs()).orElseThrow();
        checkType(o, "::blob::Blob");
        return Blob.fromBcs(o.requireBcsBytes());
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
    public StakingPool stakingPool(SuiAddress nodeId) {
        Objects.requireNonNull(nodeId, "nodeId");
        SuiObjectResponse direct = rpc.getObject(nodeId, ObjectDataOptions.bcs());
        SuiObject o;
        if (direct.data().isPresent()) {
            o = direct.data().get();
        } else {
            StakingInnerV1 staking = stakingState();
            o = rpc.getDynamicFieldObject(staking.poolsTableId(), DynamicFieldName.id(nodeId)).orElseThrow();
            if (o.bcsBytes().isEmpty()) {
                o = rpc.getObject(o.objectId(), ObjectDataOptions.bcs()).orElseThrow();
            }
        }
        checkType(o, "::staking_pool::StakingPool");
        StakingPool pool = StakingPool.fromBcs(o.requireBcsBytes());
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
    public Map<String, SuiAddress> eventTypeOrigins(SuiAddress packageId) {
        String method = "sui_getObject";
        SuiObject p = rpc.getObject(packageId, ObjectDataOptions.bcs()).orElseThrow();
        JsonNode bcs = p.bcs().orElseThrow(() -> new SuiProtocolException(method, "package " + packageId + " without bcs"));
        JsonNode dataType = bcs.get("dataType");
        if (dataType == null || !"package".equals(dataType.asString())) {
            throw new WalrusDecodeException(WalrusDecodeException.Reason.WRONG_OBJECT_TYPE,
                    "object " + packageId + " is not a package");
        }
        JsonNode table = bcs.get("typeOriginTable");
        if (table == null || !table.isArray()) {
            throw new SuiProtocolException(method, "package " + packageId + " has no typeOriginTable array");
        }
        Map<String, SuiAddress> out = new LinkedHashMap<>();
        for (JsonNode origin : table) {
            JsonNode module = origin.get("module_name");
            JsonNode name = origin.has("datatype_name") ? origin.get("datatype_name") : origin.get("struct_name");
            JsonNode pkg = origin.get("package");
            if (module == null || name == null || pkg == null || !module.isString() || !name.isString() || !pkg.isString()) {
                throw new SuiProtocolException(method, "malformed typeOriginTable entry " + origin);
            }
            if (WalrusNetwork.EVENTS_MODULE.equals(module.stringValue())) {
                try {
                    out.put(name.stringValue(), SuiAddress.parseLenient(pkg.stringValue()));
                } catch (CryptoException e) {
                    throw new SuiProtocolException(method, "malformed package ID in typeOriginTable: " + pkg, e);
                }
            }
        }
        return out;
    }

    private byte[] innerFieldBcs(WalrusSharedObject parent, String typeSuffix) {
        SuiObject field = rpc.getDynamicFieldObject(parent.id(), DynamicFieldName.u64(parent.version())).orElseThrow();
        if (field.bcsBytes().isEmpty()) {
            // The full node answers suix_getDynamicFieldObject without BCS: read the field object itself.
            field = rpc.getObject(field.objectId(), ObjectDataOptions.bcs()).orElseThrow();
        }
        checkType(field, typeSuffix);
        return field.requireBcsBytes();
    }

    private static void checkType(SuiObject o, String suffix) {
        o.type().ifPresent(t -> {
            if (!t.endsWith(suffix)) {
                throw new WalrusDecodeException(WalrusDecodeException.Reason.WRONG_OBJECT_TYPE,
                        "object " + o.objectId() + " has type " + t + ", expected ...'" + suffix + "'");
            }
        });
    }
}
