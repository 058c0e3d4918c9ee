package io.walrusj.chain.testing;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.model.WalrusEvents;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shared test values. The BCS of every event is written here by hand with {@link BcsWriter}
 * (field by field, independently of the records' own {@code writeBcs}), and the recorded JSON
 * under {@code src/test/resources/sui/} refers to it through {@code {{bcs:<Name>}}} placeholders;
 * its {@code parsedJson} is written by hand with the same values, so decoding the page checks
 * the BCS against Sui's JSON rendering.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** Walrus Mainnet original package ID (event types). */
    public static final SuiAddress PKG = WalrusNetwork.MAINNET.originalPackageId();
    /** Walrus Mainnet latest package (the emitting {@code packageId} of events). */
    public static final SuiAddress LATEST = WalrusNetwork.MAINNET.latestPackageId().orElseThrow();
    public static final SuiAddress SENDER = SuiAddress.parse("0xabcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
    public static final SuiAddress OBJ_A = SuiAddress.parse("0x7e1b9c2d3f4a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4");
    public static final SuiAddress NODE = SuiAddress.parse("0x0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9");
    public static final SuiAddress NODE_2 = SuiAddress.parse("0x5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c");
    public static final SuiAddress POOL = SuiAddress.parse("0x9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0");

    /** u256 (LE) = 4117052061771242409423423268734312018404763949470584157657758379496220763587. */
    public static final BlobId BLOB_A = BlobId.fromHex("c3a5f1d4e2b7a9081726354453627180f9e8d7c6b5a49382716f5e4d3c2b1a09");
    /** u256 (LE) = 14528991250861404666834535435384615765856667510756806797353855100662256435713. */
    public static final BlobId BLOB_B = BlobId.fromHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
    /** LE bytes of the deny-list root; value 41000105525433986164368845597807455306790013028149052931715329585728740107610. */
    public static final byte[] ROOT_LE = HexFormat.of().parseHex("5aa5c33c0ff0e11e2dd2b44b6996788787966996b44b2dd2e11e0ff0c33ca55a");
    public static final BigInteger ROOT = new BigInteger(
            "41000105525433986164368845597807455306790013028149052931715329585728740107610");
    /** A 32-byte package digest 01 02 .. 20. */
    public static final byte[] DIGEST = digest();

    public static final long U64_MAX = -1L;

    private static byte[] digest() {
        byte[] d = new byte[32];
        for (int i = 0; i < 32; i++) {
            d[i] = (byte) (i + 1);
        }
        return d;
    }

    private static byte[] bcs(Consumer<BcsWriter> body) {
        return BcsWriter.encode(body);
    }

    /** Hand-written BCS of one instance of each of the 22 events, in {@code events.move} order. */
    public static Map<String, byte[]> eventBcs() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("BlobRegistered", bcs(w -> w.u32(17).fixedBytes(BLOB_A.bytes()).u64(9007199254740993L).u8(1).u32(70)
                .bool(true).fixedBytes(OBJ_A.bytes())));
        m.put("BlobCertified", bcs(w -> w.u32(17).fixedBytes(BLOB_A.bytes()).u32(70).bool(true)
                .fixedBytes(OBJ_A.bytes()).bool(false)));
        m.put("BlobDeleted", bcs(w -> w.u32(18).fixedBytes(BLOB_A.bytes()).u32(70).fixedBytes(OBJ_A.bytes()).bool(true)));
        m.put("InvalidBlobID", bcs(w -> w.u32(18).fixedBytes(BLOB_B.bytes())));
        m.put("EpochChangeStart", bcs(w -> w.u32(19)));
        m.put("EpochChangeDone", bcs(w -> w.u32(19)));
        m.put("ShardsReceived", bcs(w -> w.u32(19).uleb128(3).u16(0).u16(7).u16(999)));
        m.put("EpochParametersSelected", bcs(w -> w.u32(20)));
        m.put("ShardRecoveryStart", bcs(w -> w.u32(19).uleb128(2).u16(3).u16(65535)));
        m.put("ContractUpgraded", bcs(w -> w.u32(20).fixedBytes(LATEST.bytes()).u64(3)));
        m.put("RegisterDenyListUpdate", bcs(w -> w.u32(20).fixedBytes(ROOT_LE).u64(5).fixedBytes(NODE.bytes())));
        m.put("DenyListUpdate", bcs(w -> w.u32(20).fixedBytes(ROOT_LE).u64(5).fixedBytes(NODE.bytes())));
        m.put("DenyListBlobDeleted", bcs(w -> w.u32(20).fixedBytes(BLOB_B.bytes())));
        m.put("ContractUpgradeProposed", bcs(w -> w.u32(20).uleb128(32).fixedBytes(DIGEST)));
        m.put("ContractUpgradeQuorumReached", bcs(w -> w.u32(20).uleb128(32).fixedBytes(DIGEST)));
        m.put("ProtocolVersionUpdated", bcs(w -> w.u32(20).u32(21).u64(2)));
        m.put("PricesUpdated", bcs(w -> w.u32(21).u64(U64_MAX).u64(20000)));
        m.put("StoragePoolCreated", bcs(w -> w.u32(21).fixedBytes(POOL.bytes()).u64(66034000).u32(21).u32(74)));
        m.put("PooledBlobRegistered", bcs(w -> w.u32(21).fixedBytes(BLOB_B.bytes()).u64(222778).u8(1).bool(false)
                .fixedBytes(OBJ_A.bytes()).fixedBytes(POOL.bytes())));
        m.put("PooledBlobCertified", bcs(w -> w.u32(21).fixedBytes(BLOB_B.bytes()).bool(false)
                .fixedBytes(OBJ_A.bytes()).fixedBytes(POOL.bytes())));
        m.put("PooledBlobDeleted", bcs(w -> w.u32(22).fixedBytes(BLOB_B.bytes()).fixedBytes(OBJ_A.bytes()).bool(true)
                .fixedBytes(POOL.bytes())));
        m.put("StoragePoolExtended", bcs(w -> w.u32(22).fixedBytes(POOL.bytes()).u32(80)));
        return m;
    }

    /** The records the hand-written BCS must decode to. */
    public static Map<String, WalrusEvent> expectedEvents() {
        Map<String, WalrusEvent> m = new LinkedHashMap<>();
        m.put("BlobRegistered", new WalrusEvent.BlobRegistered(17, BLOB_A, 9007199254740993L, 1, 70, true, OBJ_A));
        m.put("BlobCertified", new WalrusEvent.BlobCertified(17, BLOB_A, 70, true, OBJ_A, false));
        m.put("BlobDeleted", new WalrusEvent.BlobDeleted(18, BLOB_A, 70, OBJ_A, true));
        m.put("InvalidBlobID", new WalrusEvent.InvalidBlobId(18, BLOB_B));
        m.put("EpochChangeStart", new WalrusEvent.EpochChangeStart(19));
        m.put("EpochChangeDone", new WalrusEvent.EpochChangeDone(19));
        m.put("ShardsReceived", new WalrusEvent.ShardsReceived(19, List.of(0, 7, 999)));
        m.put("EpochParametersSelected", new WalrusEvent.EpochParametersSelected(20));
        m.put("ShardRecoveryStart", new WalrusEvent.ShardRecoveryStart(19, List.of(3, 65535)));
        m.put("ContractUpgraded", new WalrusEvent.ContractUpgraded(20, LATEST, 3));
        m.put("RegisterDenyListUpdate", new WalrusEvent.RegisterDenyListUpdate(20, ROOT, 5, NODE));
        m.put("DenyListUpdate", new WalrusEvent.DenyListUpdate(20, ROOT, 5, NODE));
        m.put("DenyListBlobDeleted", new WalrusEvent.DenyListBlobDeleted(20, BLOB_B));
        m.put("ContractUpgradeProposed", new WalrusEvent.ContractUpgradeProposed(20, DIGEST));
        m.put("ContractUpgradeQuorumReached", new WalrusEvent.ContractUpgradeQuorumReached(20, DIGEST));
        m.put("ProtocolVersionUpdated", new WalrusEvent.ProtocolVersionUpdated(20, 21, 2));
        m.put("PricesUpdated", new WalrusEvent.PricesUpdated(21, U64_MAX, 20000));
        m.put("StoragePoolCreated", new WalrusEvent.StoragePoolCreated(21, POOL, 66034000, 21, 74));
        m.put("PooledBlobRegistered", new WalrusEvent.PooledBlobRegistered(21, BLOB_B, 222778, 1, false, OBJ_A, POOL));
        m.put("PooledBlobCertified", new WalrusEvent.PooledBlobCertified(21, BLOB_B, false, OBJ_A, POOL));
        m.put("PooledBlobDeleted", new WalrusEvent.PooledBlobDeleted(22, BLOB_B, OBJ_A, true, POOL));
        m.put("StoragePoolExtended", new WalrusEvent.StoragePoolExtended(22, POOL, 80));
        return m;
    }

    /** {@code <PKG>::events::<name>}. */
    public static String eventType(String name) {
        return PKG + "::" + WalrusEvents.MODULE + "::" + name;
    }
}
