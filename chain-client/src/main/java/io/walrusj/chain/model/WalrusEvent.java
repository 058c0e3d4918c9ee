package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The events of the Walrus {@code events} Move module ({@code docs/spec/walrus-chain.md} section 4; Move
 * source {@code contracts/walrus/sources/system/events.move}), one record per event with the
 * fields in BCS order.
 *
 * <p>Java types: {@code u8}/{@code u16} are {@code int}; {@code u32} is a non-negative
 * {@code long}; {@code u64} is a {@code long} holding the raw 64 bits (use
 * {@link Long#toUnsignedString} above 2^63); a {@code u256} blob ID is a {@link BlobId} (its BCS
 * bytes are the raw blob ID); any other {@code u256} (deny-list roots) is a non-negative
 * {@link BigInteger}; {@code ID} is a {@link SuiAddress}; {@code vector<u16>} is an immutable
 * {@code List<Integer>}; {@code vector<u8>} is a {@code byte[]} (copied in and out).
 *
 * <p>Each record has a static {@code read(BcsReader)} that reads exactly its fields, and
 * {@link #writeBcs} writes them back (the devnet uses it to emit events). {@link WalrusEvents}
 * decodes a whole event from its type tag and bytes.
 */
public sealed interface WalrusEvent {

    /** The Move struct name, e.g. {@code BlobCertified} (also {@link UnknownEvent#name()}). */
    String name();

    /** Writes the event struct as BCS. */
    void writeBcs(BcsWriter w);

    /**
     * The fields by Move name in declaration order, as canonical values (see {@link FieldValues}):
     * unsigned integers as {@link BigInteger}, bools, {@link SuiAddress}s, lists; used to check Sui's
     * {@code parsedJson}.
     */
    Map<String, Object> fields();

    /** The event's BCS bytes. */
    default byte[] toBcs() {
        BcsWriter w = new BcsWriter();
        writeBcs(w);
        return w.toByteArray();
    }

    // ================================================================= blob lifecycle

    /** A blob was registered: {@code epoch u32, blob_id u256, size u64, encoding_type u8, end_epoch u32, deletable bool, object_id ID}. */
    record BlobRegistered(long epoch, BlobId blobId, long size, int encodingType, long endEpoch,
            boolean deletable, SuiAddress objectId) implements WalrusEvent {
        public static final String NAME = "BlobRegistered";

        public static BlobRegistered read(BcsReader r) {
            return new BlobRegistered(r.u32(), BlobId.read(r), r.u64(), r.u8(), r.u32(), r.bool(), SuiAddress.read(r));
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            blobId.writeBcs(w);
            w.u64(size).u8(encodingType).u32(endEpoch).bool(deletable);
            objectId.writeBcs(w);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).blobId("blob_id", blobId).u64("size", size)
                    .u("encoding_type", encodingType).u("end_epoch", endEpoch).bool("deletable", deletable)
                    .id("object_id", objectId).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /**
     * A blob was certified or extended: {@code epoch u32 (first certified epoch), blob_id u256,
     * end_epoch u32, deletable bool, object_id ID, is_extension bool}.
     */
    record BlobCertified(long epoch, BlobId blobId, long endEpoch, boolean deletable, SuiAddress objectId,
            boolean isExtension) implements WalrusEvent {
        public static final String NAME = "BlobCertified";

        public static BlobCertified read(BcsReader r) {
            return new BlobCertified(r.u32(), BlobId.read(r), r.u32(), r.bool(), SuiAddress.read(r), r.bool());
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            blobId.writeBcs(w);
            w.u32(endEpoch).bool(deletable);
            objectId.writeBcs(w);
            w.bool(isExtension);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).blobId("blob_id", blobId).u("end_epoch", endEpoch)
                    .bool("deletable", deletable).id("object_id", objectId).bool("is_extension", isExtension).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** A deletable blob was deleted: {@code epoch u32, blob_id u256, end_epoch u32, object_id ID, was_certified bool}. */
    record BlobDeleted(long epoch, BlobId blobId, long endEpoch, SuiAddress objectId, boolean wasCertified)
            implements WalrusEvent {
        public static final String NAME = "BlobDeleted";

        public static BlobDeleted read(BcsReader r) {
            return new BlobDeleted(r.u32(), BlobId.read(r), r.u32(), SuiAddress.read(r), r.bool());
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            blobId.writeBcs(w);
            w.u32(endEpoch);
            objectId.writeBcs(w);
            w.bool(wasCertified);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).blobId("blob_id", blobId).u("end_epoch", endEpoch)
                    .id("object_id", objectId).bool("was_certified", wasCertified).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** A blob ID was certified invalid ({@code InvalidBlobID}): {@code epoch u32, blob_id u256}. */
    record InvalidBlobId(long epoch, BlobId blobId) implements WalrusEvent {
        public static final String NAME = "InvalidBlobID";

        public static InvalidBlobId read(BcsReader r) {
            return new InvalidBlobId(r.u32(), BlobId.read(r));
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            blobId.writeBcs(w);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).blobId("blob_id", blobId).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    // ================================================================= epochs and shards

    /** The change to epoch {@code epoch} started: {@code epoch u32}. */
    record EpochChangeStart(long epoch) implements WalrusEvent {
        public static final String NAME = "EpochChangeStart";

        public static EpochChangeStart read(BcsReader r) {
            return new EpochChangeStart(r.u32());
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** Nodes holding a quorum of shards finished the change to {@code epoch}: {@code epoch u32}. */
    record EpochChangeDone(long epoch) implements WalrusEvent {
        public static final String NAME = "EpochChangeDone";

        public static EpochChangeDone read(BcsReader r) {
            return new EpochChangeDone(r.u32());
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** A node received its shards for {@code epoch}: {@code epoch u32, shards vector<u16>}. */
    record ShardsReceived(long epoch, List<Integer> shards) implements WalrusEvent {
        public static final String NAME = "ShardsReceived";

        public ShardsReceived {
            shards = List.copyOf(shards);
        }

        public static ShardsReceived read(BcsReader r) {
            return new ShardsReceived(r.u32(), r.sequence(BcsReader::u16));
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch).sequence(shards, BcsWriter::u16);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).u16s("shards", shards).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** The committee and parameters of {@code nextEpoch} were selected: {@code next_epoch u32}. */
    record EpochParametersSelected(long nextEpoch) implements WalrusEvent {
        public static final String NAME = "EpochParametersSelected";

        public static EpochParametersSelected read(BcsReader r) {
            return new EpochParametersSelected(r.u32());
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(nextEpoch);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("next_epoch", nextEpoch).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** Shard recovery may start (defined, never emitted at HEAD): {@code epoch u32, shards vector<u16>}. */
    record ShardRecoveryStart(long epoch, List<Integer> shards) implements WalrusEvent {
        public static final String NAME = "ShardRecoveryStart";

        public ShardRecoveryStart {
            shards = List.copyOf(shards);
        }

        public static ShardRecoveryStart read(BcsReader r) {
            return new ShardRecoveryStart(r.u32(), r.sequence(BcsReader::u16));
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch).sequence(shards, BcsWriter::u16);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).u16s("shards", shards).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    // ================================================================= upgrades and versions

    /** The contract was upgraded and migrated: {@code epoch u32, package_id ID, version u64}. */
    record ContractUpgraded(long epoch, SuiAddress packageId, long version) implements WalrusEvent {
        public static final String NAME = "ContractUpgraded";

        public static ContractUpgraded read(BcsReader r) {
            return new ContractUpgraded(r.u32(), SuiAddress.read(r), r.u64());
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            packageId.writeBcs(w);
            w.u64(version);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).id("package_id", packageId).u64("version", version).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** An upgrade was proposed: {@code epoch u32, package_digest vector<u8>}. */
    record ContractUpgradeProposed(long epoch, byte[] packageDigest) implements WalrusEvent {
        public static final String NAME = "ContractUpgradeProposed";

        public ContractUpgradeProposed {
            packageDigest = packageDigest.clone();
        }

        public static ContractUpgradeProposed read(BcsReader r) {
            return new ContractUpgradeProposed(r.u32(), r.bytes());
        }

        @Override
        public byte[] packageDigest() {
            return packageDigest.clone();
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch).bytes(packageDigest);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).bytes("package_digest", packageDigest).build();
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ContractUpgradeProposed e && e.epoch == epoch && Arrays.equals(e.packageDigest, packageDigest);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(epoch) + Arrays.hashCode(packageDigest);
        }

        @Override
        public String toString() {
            return "ContractUpgradeProposed[epoch=" + epoch + ", packageDigest=" + HexFormat.of().formatHex(packageDigest) + "]";
        }
    }

    /** An upgrade proposal reached a quorum: {@code epoch u32, package_digest vector<u8>}. */
    record ContractUpgradeQuorumReached(long epoch, byte[] packageDigest) implements WalrusEvent {
        public static final String NAME = "ContractUpgradeQuorumReached";

        public ContractUpgradeQuorumReached {
            packageDigest = packageDigest.clone();
        }

        public static ContractUpgradeQuorumReached read(BcsReader r) {
            return new ContractUpgradeQuorumReached(r.u32(), r.bytes());
        }

        @Override
        public byte[] packageDigest() {
            return packageDigest.clone();
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch).bytes(packageDigest);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).bytes("package_digest", packageDigest).build();
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ContractUpgradeQuorumReached e && e.epoch == epoch
                    && Arrays.equals(e.packageDigest, packageDigest);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(epoch) + Arrays.hashCode(packageDigest);
        }

        @Override
        public String toString() {
            return "ContractUpgradeQuorumReached[epoch=" + epoch + ", packageDigest="
                    + HexFormat.of().formatHex(packageDigest) + "]";
        }
    }

    // ================================================================= deny lists

    /** A node registered a deny-list update: {@code epoch u32, root u256, sequence_number u64, node_id ID}. */
    record RegisterDenyListUpdate(long epoch, BigInteger root, long sequenceNumber, SuiAddress nodeId)
            implements WalrusEvent {
        public static final String NAME = "RegisterDenyListUpdate";

        public RegisterDenyListUpdate {
            U256.check(root);
        }

        public static RegisterDenyListUpdate read(BcsReader r) {
            return new RegisterDenyListUpdate(r.u32(), U256.read(r), r.u64(), SuiAddress.read(r));
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            U256.write(w, root);
            w.u64(sequenceNumber);
            nodeId.writeBcs(w);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).u256("root", root).u64("sequence_number", sequenceNumber)
                    .id("node_id", nodeId).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** A deny-list update was certified: {@code epoch u32, root u256, sequence_number u64, node_id ID}. */
    record DenyListUpdate(long epoch, BigInteger root, long sequenceNumber, SuiAddress nodeId) implements WalrusEvent {
        public static final String NAME = "DenyListUpdate";

        public DenyListUpdate {
            U256.check(root);
        }

        public static DenyListUpdate read(BcsReader r) {
            return new DenyListUpdate(r.u32(), U256.read(r), r.u64(), SuiAddress.read(r));
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            U256.write(w, root);
            w.u64(sequenceNumber);
            nodeId.writeBcs(w);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).u256("root", root).u64("sequence_number", sequenceNumber)
                    .id("node_id", nodeId).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** A blob was deny-listed by f+1 nodes and may be deleted: {@code epoch u32, blob_id u256}. */
    record DenyListBlobDeleted(long epoch, BlobId blobId) implements WalrusEvent {
        public static final String NAME = "DenyListBlobDeleted";

        public static DenyListBlobDeleted read(BcsReader r) {
            return new DenyListBlobDeleted(r.u32(), BlobId.read(r));
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            blobId.writeBcs(w);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).blobId("blob_id", blobId).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    // ================================================================= protocol and prices

    /** The protocol version changes from {@code startEpoch}: {@code epoch u32, start_epoch u32, protocol_version u64}. */
    record ProtocolVersionUpdated(long epoch, long startEpoch, long protocolVersion) implements WalrusEvent {
        public static final String NAME = "ProtocolVersionUpdated";

        public static ProtocolVersionUpdated read(BcsReader r) {
            return new ProtocolVersionUpdated(r.u32(), r.u32(), r.u64());
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch).u32(startEpoch).u64(protocolVersion);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).u("start_epoch", startEpoch)
                    .u64("protocol_version", protocolVersion).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** Prices were recomputed and applied: {@code epoch u32, storage_price u64, write_price u64}. */
    record PricesUpdated(long epoch, long storagePrice, long writePrice) implements WalrusEvent {
        public static final String NAME = "PricesUpdated";

        public static PricesUpdated read(BcsReader r) {
            return new PricesUpdated(r.u32(), r.u64(), r.u64());
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch).u64(storagePrice).u64(writePrice);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).u64("storage_price", storagePrice)
                    .u64("write_price", writePrice).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    // ================================================================= storage pools

    /**
     * A storage pool was created: {@code epoch u32, storage_pool_id ID,
     * reserved_encoded_capacity_bytes u64, start_epoch u32, end_epoch u32}.
     */
    record StoragePoolCreated(long epoch, SuiAddress storagePoolId, long reservedEncodedCapacityBytes,
            long startEpoch, long endEpoch) implements WalrusEvent {
        public static final String NAME = "StoragePoolCreated";

        public static StoragePoolCreated read(BcsReader r) {
            return new StoragePoolCreated(r.u32(), SuiAddress.read(r), r.u64(), r.u32(), r.u32());
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            storagePoolId.writeBcs(w);
            w.u64(reservedEncodedCapacityBytes).u32(startEpoch).u32(endEpoch);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).id("storage_pool_id", storagePoolId)
                    .u64("reserved_encoded_capacity_bytes", reservedEncodedCapacityBytes)
                    .u("start_epoch", startEpoch).u("end_epoch", endEpoch).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /**
     * A blob was registered in a storage pool: {@code epoch u32, blob_id u256, unencoded_size u64,
     * encoding_type u8, deletable bool, object_id ID, storage_pool_id ID}.
     */
    record PooledBlobRegistered(long epoch, BlobId blobId, long unencodedSize, int encodingType, boolean deletable,
            SuiAddress objectId, SuiAddress storagePoolId) implements WalrusEvent {
        public static final String NAME = "PooledBlobRegistered";

        public static PooledBlobRegistered read(BcsReader r) {
            return new PooledBlobRegistered(r.u32(), BlobId.read(r), r.u64(), r.u8(), r.bool(), SuiAddress.read(r),
                    SuiAddress.read(r));
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            blobId.writeBcs(w);
            w.u64(unencodedSize).u8(encodingType).bool(deletable);
            objectId.writeBcs(w);
            storagePoolId.writeBcs(w);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).blobId("blob_id", blobId).u64("unencoded_size", unencodedSize)
                    .u("encoding_type", encodingType).bool("deletable", deletable).id("object_id", objectId)
                    .id("storage_pool_id", storagePoolId).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** A pooled blob was certified: {@code epoch u32, blob_id u256, deletable bool, object_id ID, storage_pool_id ID}. */
    record PooledBlobCertified(long epoch, BlobId blobId, boolean deletable, SuiAddress objectId,
            SuiAddress storagePoolId) implements WalrusEvent {
        public static final String NAME = "PooledBlobCertified";

        public static PooledBlobCertified read(BcsReader r) {
            return new PooledBlobCertified(r.u32(), BlobId.read(r), r.bool(), SuiAddress.read(r), SuiAddress.read(r));
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            blobId.writeBcs(w);
            w.bool(deletable);
            objectId.writeBcs(w);
            storagePoolId.writeBcs(w);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).blobId("blob_id", blobId).bool("deletable", deletable)
                    .id("object_id", objectId).id("storage_pool_id", storagePoolId).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** A pooled blob was deleted: {@code epoch u32, blob_id u256, object_id ID, was_certified bool, storage_pool_id ID}. */
    record PooledBlobDeleted(long epoch, BlobId blobId, SuiAddress objectId, boolean wasCertified,
            SuiAddress storagePoolId) implements WalrusEvent {
        public static final String NAME = "PooledBlobDeleted";

        public static PooledBlobDeleted read(BcsReader r) {
            return new PooledBlobDeleted(r.u32(), BlobId.read(r), SuiAddress.read(r), r.bool(), SuiAddress.read(r));
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            blobId.writeBcs(w);
            objectId.writeBcs(w);
            w.bool(wasCertified);
            storagePoolId.writeBcs(w);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).blobId("blob_id", blobId).id("object_id", objectId)
                    .bool("was_certified", wasCertified).id("storage_pool_id", storagePoolId).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** A storage pool's lifetime was extended: {@code epoch u32, storage_pool_id ID, new_end_epoch u32}. */
    record StoragePoolExtended(long epoch, SuiAddress storagePoolId, long newEndEpoch) implements WalrusEvent {
        public static final String NAME = "StoragePoolExtended";

        public static StoragePoolExtended read(BcsReader r) {
            return new StoragePoolExtended(r.u32(), SuiAddress.read(r), r.u32());
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.u32(epoch);
            storagePoolId.writeBcs(w);
            w.u32(newEndEpoch);
        }

        @Override
        public Map<String, Object> fields() {
            return new FieldValues().u("epoch", epoch).id("storage_pool_id", storagePoolId)
                    .u("new_end_epoch", newEndEpoch).build();
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    // ================================================================= unknown

    /**
     * An event of the Walrus {@code events} module whose name this client does not know (e.g. one
     * added by a later package upgrade). Its bytes are kept undecoded so that a follower never
     * stalls on, or silently drops, a newer event: the consumer decides.
     *
     * @param name the struct name as it appears in the type tag (with type arguments, if any)
     */
    record UnknownEvent(String name, byte[] bcs) implements WalrusEvent {

        public UnknownEvent {
            Objects.requireNonNull(name, "name");
            bcs = bcs.clone();
        }

        @Override
        public byte[] bcs() {
            return bcs.clone();
        }

        @Override
        public void writeBcs(BcsWriter w) {
            w.fixedBytes(bcs);
        }

        /** Empty: the layout is unknown (so a {@code parsedJson} check is skipped). */
        @Override
        public Map<String, Object> fields() {
            return Map.of();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UnknownEvent e && e.name.equals(name) && Arrays.equals(e.bcs, bcs);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(bcs);
        }

        @Override
        public String toString() {
            return "UnknownEvent[name=" + name + ", bcs=" + HexFormat.of().formatHex(bcs) + "]";
        }
    }
}
