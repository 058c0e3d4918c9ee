package io.walrusj.chain;

import io.walrusj.chain.testing.Fixtures;
import io.walrusj.chain.testing.FakeSuiServer;

import static io.walrusj.chain.testing.FakeSuiServer.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.testing.FakeSuiServer.Reply;
import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.BlsCommitteeMember;
import io.walrusj.chain.model.EpochParams;
import io.walrusj.chain.model.EpochState;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.Storage;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.model.WalrusSharedObject;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WalrusChainReaderTest {

    static final SuiAddress SYSTEM = WalrusNetwork.MAINNET.systemObjectId();
    static final SuiAddress STAKING = WalrusNetwork.MAINNET.stakingObjectId();
    static final SuiAddress SYSFIELD = SuiAddress.parse("0x4a2e6ae2b3c8f1d0e9a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5");
    static final SuiAddress STAKEFIELD = SuiAddress.parse("0x6b3f7bf3c4d9a2e1f0b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6");
    static final SuiAddress STORAGE_ID = SuiAddress.parseLenient("0x51");
    static final SuiAddress SOME_UID = SuiAddress.parseLenient("0x61");

    static byte[] fill(int n, int b) {
        byte[] a = new byte[n];
        Arrays.fill(a, (byte) b);
        return a;
    }

    /** {@code System} / {@code Staking}: id, version 3, package_id, new_package_id None. */
    static byte[] sharedObjectBcs(SuiAddress id) {
        return BcsWriter.encode(w -> w.fixedBytes(id.bytes()).u64(3).fixedBytes(Fixtures.PKG.bytes()).u8(0));
    }

    /** {@code Field<u64, SystemStateInnerV1>} with every field of the inner state, written by hand. */
    static byte[] systemFieldBcs() {
        return BcsWriter.encode(w -> {
            w.fixedBytes(SYSFIELD.bytes()).u64(3); // Field { id, name }
            // committee: BlsCommittee
            w.uleb128(2);
            w.uleb128(96).fixedBytes(fill(96, 0x11)).u16(600).fixedBytes(Fixtures.NODE.bytes());
            w.uleb128(96).fixedBytes(fill(96, 0x22)).u16(400).fixedBytes(Fixtures.NODE_2.bytes());
            w.u16(1000).u32(23).uleb128(48).fixedBytes(fill(48, 0x33));
            w.u64(1_000_000_000_000_000L).u64(123_456_789L).u64(11_000).u64(20_000);
            // future_accounting: FutureAccountingRingBuffer (ignored by the prefix reader)
            w.u32(0).u32(2).uleb128(2);
            w.u32(23).u64(123_456_789L).u64(5_000_000_000L);
            w.u32(24).u64(100_000L).u64(0);
            // event_blob_certification_state: Some(EventBlob), empty VecMap
            w.u8(1).fixedBytes(Fixtures.BLOB_B.bytes()).u64(186_000_000L).uleb128(0);
            // deny_list_sizes: ExtendedField { id }
            w.fixedBytes(SOME_UID.bytes());
        });
    }

    /** {@code Field<u64, StakingInnerV1>}, written by hand. */
    static byte[] stakingFieldBcs() {
        return BcsWriter.encode(w -> {
            w.fixedBytes(STAKEFIELD.bytes()).u64(3);
            w.u16(1000).u64(1_209_600_000L).u64(1_742_912_400_000L);
            w.fixedBytes(SOME_UID.bytes()).u64(2); // pools: ObjectTable { id, size }
            w.u32(23);
            w.fixedBytes(SOME_UID.bytes()); // active_set: ExtendedField
            w.u8(0); // next_committee: None
            w.uleb128(2); // committee
            w.fixedBytes(Fixtures.NODE.bytes()).uleb128(3).u16(0).u16(1).u16(2);
            w.fixedBytes(Fixtures.NODE_2.bytes()).uleb128(2).u16(3).u16(4);
            w.uleb128(1); // previous_committee
            w.fixedBytes(Fixtures.NODE.bytes()).uleb128(5).u16(0).u16(1).u16(2).u16(3).u16(4);
            w.u8(1).u64(2_000_000_000_000_000L).u64(11_000).u64(20_000); // next_epoch_params: Some
            w.uleb128(1).u64(1_743_000_000_000L); // epoch_state: EpochChangeDone(ts)
            w.fixedBytes(SOME_UID.bytes()); // next_epoch_public_keys: ExtendedField
        });
    }

    static byte[] blobBcs() {
        return BcsWriter.encode(w -> {
            w.fixedBytes(Fixtures.OBJ_A.bytes()).u32(17).fixedBytes(Fixtures.BLOB_A.bytes()).u64(1_048_576).u8(1);
            w.u8(1).u32(17); // certified_epoch: Some(17)
            w.fixedBytes(STORAGE_ID.bytes()).u32(17).u32(70).u64(66_034_000L); // storage
            w.bool(true);
        });
    }

    private FakeSuiServer server;
    private SuiRpcClient client;
    private WalrusChainReader reader;
    private final Map<String, String> vars = new HashMap<>();

    @BeforeEach
    void setUp() {
        server = FakeSuiServer.start();
        client = SuiRpcClient.create(server.uri());
        reader = new WalrusChainReader(client, WalrusNetwork.MAINNET);
        vars.put("object:system", b64(sharedObjectBcs(SYSTEM)));
        vars.put("object:staking", b64(sharedObjectBcs(STAKING)));
        vars.put("object:system-field", b64(systemFieldBcs()));
        vars.put("object:staking-field", b64(stakingFieldBcs()));
        vars.put("object:blob", b64(blobBcs()));
        server.respond(this::answer);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private Reply answer(JsonNode req) {
        String method = req.get("method").stringValue();
        SuiAddress target = SuiAddress.parseLenient(req.get("params").get(0).stringValue());
        String file = switch (method) {
            case "sui_getObject" -> {
                if (target.equals(SYSTEM)) {
                    yield "getObject-system.json";
                } else if (target.equals(STAKING)) {
                    yield "getObject-staking.json";
                } else if (target.equals(SYSFIELD)) {
                    yield "getObject-system-field.json";
                } else if (target.equals(STAKEFIELD)) {
                    yield "getObject-staking-field.json";
                } else if (target.equals(Fixtures.LATEST)) {
                    yield "getObject-package.json";
                } else {
                    yield "getObject-blob.json";
                }
            }
            case "suix_getDynamicFieldObject" -> target.equals(SYSTEM)
                    ? "getDynamicFieldObject-system.json" : "getDynamicFieldObject-staking.json";
            default -> null;
        };
        return file == null ? Reply.status(404) : Reply.ok(recorded(file, vars));
    }

    @Test
    void systemStateGivesCurrentEpochCommitteeAndPrices() {
        SystemStateInnerV1 s = reader.systemState();

        assertThat(s.currentEpoch()).isEqualTo(23);
        assertThat(s.committee().nShards()).isEqualTo(1000);
        assertThat(s.committee().members()).containsExactly(
                new BlsCommitteeMember(fill(96, 0x11), 600, Fixtures.NODE),
                new BlsCommitteeMember(fill(96, 0x22), 400, Fixtures.NODE_2));
        assertThat(s.committee().totalAggregatedKey()).isEqualTo(fill(48, 0x33));
        assertThat(s.totalCapacitySize()).isEqualTo(1_000_000_000_000_000L);
        assertThat(s.usedCapacitySize()).isEqualTo(123_456_789L);
        assertThat(s.storagePricePerUnitSize()).isEqualTo(11_000);
        assertThat(s.writePricePerUnitSize()).isEqualTo(20_000);

        // getObject(System) -> version 3 -> getDynamicFieldObject(System, u64 3) -> getObject(field, showBcs)
        List<JsonNode> reqs = server.requests();
        assertThat(reqs).extracting(r -> r.get("method").stringValue())
                .containsExactly("sui_getObject", "suix_getDynamicFieldObject", "sui_getObject");
        assertThat(reqs.get(1).get("params").get(1).toString()).isEqualTo("{\"type\":\"u64\",\"value\":\"3\"}");
        assertThat(reqs.get(2).get("params").get(0).stringValue()).isEqualTo(SYSFIELD.toString());
        assertThat(reqs.get(2).get("params").get(1).get("showBcs").booleanValue()).isTrue();
    }

    @Test
    void systemObjectIsDecoded() {
        assertThat(reader.systemObject())
                .isEqualTo(new WalrusSharedObject(SYSTEM, 3, Fixtures.PKG, Optional.empty()));
        assertThat(WalrusSharedObject.fromBcs("System", sharedObjectBcs(SYSTEM)).toString()).contains("version=3");
    }

    @Test
    void stakingStateGivesCommitteeNodeToShards() {
        StakingInnerV1 s = reader.stakingState();

        assertThat(s.nShards()).isEqualTo(1000);
        assertThat(s.epoch()).isEqualTo(23);
        assertThat(s.epochDurationMs()).isEqualTo(1_209_600_000L);
        assertThat(s.poolCount()).isEqualTo(2);
        assertThat(s.nextCommittee()).isEmpty();
        assertThat(s.committee().nodes()).containsExactly(Fixtures.NODE, Fixtures.NODE_2);
        assertThat(s.committee().shardsOf(Fixtures.NODE_2)).containsExactly(3, 4);
        assertThat(s.committee().nodeForShard(1)).contains(Fixtures.NODE);
        assertThat(s.committee().shardCount()).isEqualTo(5);
        assertThat(s.previousCommittee().shardsOf(Fixtures.NODE)).hasSize(5);
        assertThat(s.nextEpochParams()).contains(new EpochParams(2_000_000_000_000_000L, 11_000, 20_000));
        assertThat(s.epochState()).isEqualTo(new EpochState.EpochChangeDone(1_743_000_000_000L));

        // The model writes back exactly the hand-written bytes (after the Field header).
        byte[] field = stakingFieldBcs();
        assertThat(BcsWriter.encode(s::writeBcs)).isEqualTo(Arrays.copyOfRange(field, 40, field.length));
    }

    @Test
    void blobIsDecoded() {
        Blob b = reader.blob(Fixtures.OBJ_A);
        assertThat(b).isEqualTo(new Blob(Fixtures.OBJ_A, 17, Fixtures.BLOB_A, 1_048_576, 1, OptionalLong.of(17),
                new Storage(STORAGE_ID, 17, 70, 66_034_000L), true));
        assertThat(b.isAvailableIn(69)).isTrue();
        assertThat(b.isAvailableIn(70)).isFalse();
        assertThat(BcsWriter.encode(b::writeBcs)).isEqualTo(blobBcs());
    }

    @Test
    void eventTypeOriginsComeFromThePackageTypeOriginTable() {
        // Hand-made package response: the first 15 events defined by the original package, the
        // others by upgrades (the v2 ID here is a placeholder; mainnet's is not in the spec).
        Map<String, SuiAddress> origins = reader.eventTypeOrigins(Fixtures.LATEST);

        assertThat(origins).hasSize(22).doesNotContainKey("Blob").doesNotContainKey("StoragePool");
        assertThat(origins.get("BlobCertified")).isEqualTo(Fixtures.PKG);
        assertThat(origins.get("PricesUpdated")).isEqualTo(Fixtures.LATEST);
        assertThat(origins.get("ProtocolVersionUpdated")).isEqualTo(SuiAddress.parseLenient("0xb02"));
        assertThat(Set.copyOf(origins.values())).hasSize(3);
    }

    @Test
    void malformedOrMistypedObjectsAreTypedErrors() {
        byte[] blob = blobBcs();
        vars.put("object:blob", b64(Arrays.copyOf(blob, blob.length + 1)));
        assertThatThrownBy(() -> reader.blob(Fixtures.OBJ_A))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(WalrusDecodeException.Reason.MALFORMED_BCS));

        // Asking for the blob at the System object's ID returns a System, not a Blob.
        assertThatThrownBy(() -> new WalrusChainReader(client,
                WalrusNetwork.custom("x", Fixtures.PKG, Fixtures.OBJ_A, STAKING)).systemObject())
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(WalrusDecodeException.Reason.WRONG_OBJECT_TYPE));

        byte[] wrongName = systemFieldBcs();
        wrongName[32] = 4; // Field name u64: 4 instead of 3
        assertThatThrownBy(() -> SystemStateInnerV1.fromFieldBcs(wrongName, 3))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(WalrusDecodeException.Reason.WRONG_OBJECT_TYPE));
    }
}
