package io.walrusj.chain;

import io.walrusj.chain.testing.Fixtures;
import io.walrusj.chain.testing.FakeSuiServer;

import static io.walrusj.chain.testing.FakeSuiServer.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.testing.FakeSuiServer.Reply;
import io.walrusj.chain.model.StakingPool;
import io.walrusj.chain.model.StorageNodeInfo;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.rpc.SuiObjectUnavailableException;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.SuiAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link WalrusChainReader#stakingPool}: the pool object in the byte layout the devnet writes
 * ({@code devnet/.../contract/StakingPool.writeBcs}, reproduced field by field here because the
 * devnet depends on this module), read directly by node ID or, failing that, through the pools
 * {@code ObjectTable} as a dynamic object field named by {@code 0x2::object::ID}.
 */
class StakingPoolReaderTest {

    static final SuiAddress POOLS_TABLE = WalrusChainReaderTest.SOME_UID;
    static final SuiAddress METADATA = SuiAddress.parseLenient("0x71");
    static final SuiAddress RATES = SuiAddress.parseLenient("0x72");
    static final SuiAddress EXTRA = SuiAddress.parseLenient("0x73");
    static final SuiAddress CAP = SuiAddress.parseLenient("0x74");
    static final byte[] KEY = BlsKeyPair.fromSeed(WalrusChainReaderTest.fill(32, 7)).publicKey().toUncompressedBytes();
    static final byte[] NET_KEY = WalrusChainReaderTest.fill(33, 2);

    /** A whole pool in the devnet's layout ({@code StakingPool.writeBcs}): Active, one exchange rate, no commission. */
    static byte[] devnetPoolBcs(SuiAddress nodeId, String name, String address, byte[] nextKey) {
        return BcsWriter.encode(w -> {
            w.fixedBytes(nodeId.bytes());
            w.variant(0); // PoolState::Active
            w.u64(11_000).u64(20_000).u64(1L << 40); // voting params
            w.string(name).fixedBytes(nodeId.bytes()).string(address).bytes(KEY);
            w.option(nextKey, BcsWriter::bytes);
            w.bytes(NET_KEY).fixedBytes(METADATA.bytes());
            w.u32(1).u32(3).u64(5_000_000_000L).u64(5_000_000_000L);
            w.uleb128(0); // pending_shares_withdraw
            w.uleb128(0); // pre_active_withdrawals
            w.uleb128(1).u32(4).u64(250); // pending_commission_rate
            w.u16(100);
            w.fixedBytes(RATES.bytes()).u64(1); // exchange_rates: Table
            w.uleb128(1).u32(4).u64(1_000_000_000L); // pending_stake
            w.u64(7).u64(0); // rewards_pool, commission
            w.variant(1).fixedBytes(CAP.bytes()); // commission_receiver: ObjectID(cap)
            w.variant(0).fixedBytes(Fixtures.SENDER.bytes()); // governance_authorized: Address
            w.fixedBytes(EXTRA.bytes()).u64(0); // extra_fields: Bag
        });
    }

    private FakeSuiServer server;
    private SuiRpcClient client;
    private WalrusChainReader reader;
    private final Map<String, String> vars = new HashMap<>();
    private boolean directlyReadable = true;

    @BeforeEach
    void setUp() {
        server = FakeSuiServer.start();
        client = SuiRpcClient.create(server.uri());
        reader = new WalrusChainReader(client, WalrusNetwork.MAINNET);
        vars.put("object:staking", b64(WalrusChainReaderTest.sharedObjectBcs(WalrusChainReaderTest.STAKING)));
        vars.put("object:staking-field", b64(WalrusChainReaderTest.stakingFieldBcs()));
        vars.put("pool:id", Fixtures.NODE.toString());
        vars.put("pool:owner", POOLS_TABLE.toString());
        vars.put("object:pool", b64(devnetPoolBcs(Fixtures.NODE, "node-1", "10.0.0.1:9185", null)));
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
                if (target.equals(WalrusChainReaderTest.STAKING)) {
                    yield "getObject-staking.json";
                } else if (target.equals(WalrusChainReaderTest.STAKEFIELD)) {
                    yield "getObject-staking-field.json";
                } else if (target.equals(Fixtures.NODE)) {
                    yield directlyReadable ? "getObject-pool.json" : "getObject-not-exists.json";
                } else {
                    yield "getObject-not-exists.json";
                }
            }
            case "suix_getDynamicFieldObject" -> {
                if (target.equals(WalrusChainReaderTest.STAKING)) {
                    yield "getDynamicFieldObject-staking.json";
                }
                JsonNode name = req.get("params").get(1);
                boolean pool = target.equals(POOLS_TABLE) && name.get("type").stringValue().equals("0x2::object::ID")
                        && SuiAddress.parseLenient(name.get("value").stringValue()).equals(Fixtures.NODE);
                yield pool ? "getObject-pool.json" : "getDynamicFieldObject-not-found.json";
            }
            default -> null;
        };
        return file == null ? Reply.status(404) : Reply.ok(recorded(file, vars));
    }

    @Test
    void poolIsReadByNodeIdInTheDevnetLayout() {
        StakingPool pool = reader.stakingPool(Fixtures.NODE);

        StorageNodeInfo info = pool.nodeInfo();
        assertThat(info.name()).isEqualTo("node-1");
        assertThat(info.nodeId()).isEqualTo(Fixtures.NODE);
        assertThat(info.networkAddress()).isEqualTo("10.0.0.1:9185");
        assertThat(info.publicKey()).isEqualTo(KEY).hasSize(96);
        assertThat(info.nextEpochPublicKey()).isEmpty();
        assertThat(info.networkPublicKey()).isEqualTo(NET_KEY);
        assertThat(info.metadataFieldId()).isEqualTo(METADATA);
        assertThat(info.baseUri("http")).isEqualTo(URI.create("http://10.0.0.1:9185"));
        assertThat(pool.state()).isEqualTo(StakingPool.ACTIVE);
        assertThat(pool.storagePriceVote()).isEqualTo(11_000);
        assertThat(pool.nodeCapacityVote()).isEqualTo(1L << 40);
        assertThat(pool.activationEpoch()).isEqualTo(1);
        assertThat(pool.latestEpoch()).isEqualTo(3);
        assertThat(pool.walBalance()).isEqualTo(5_000_000_000L);

        // one call: the pool is read by its ID (= node ID)
        assertThat(server.requests()).extracting(r -> r.get("method").stringValue()).containsExactly("sui_getObject");

        // Round trip: the model writes exactly the devnet's leading bytes.
        byte[] whole = devnetPoolBcs(Fixtures.NODE, "node-1", "10.0.0.1:9185", null);
        byte[] prefix = BcsWriter.encode(pool::writeBcs);
        assertThat(prefix).isEqualTo(Arrays.copyOf(whole, prefix.length));
        assertThat(StakingPool.fromBcs(prefix)).isEqualTo(pool);
    }

    @Test
    void nextEpochKeyIsDecoded() {
        byte[] next = BlsKeyPair.fromSeed(WalrusChainReaderTest.fill(32, 9)).publicKey().toUncompressedBytes();
        vars.put("object:pool", b64(devnetPoolBcs(Fixtures.NODE, "n", "h:1", next)));
        assertThat(reader.stakingPool(Fixtures.NODE).nodeInfo().nextEpochPublicKey()).hasValueSatisfying(
                k -> assertThat(k).isEqualTo(next));
    }

    @Test
    void fallsBackToTheObjectTableDynamicField() {
        directlyReadable = false;
        StakingPool pool = reader.stakingPool(Fixtures.NODE);
        assertThat(pool.nodeInfo().networkAddress()).isEqualTo("10.0.0.1:9185");

        List<JsonNode> reqs = server.requests();
        JsonNode last = reqs.getLast();
        assertThat(last.get("method").stringValue()).isEqualTo("suix_getDynamicFieldObject");
        assertThat(last.get("params").get(0).stringValue()).isEqualTo(POOLS_TABLE.toString());
        assertThat(last.get("params").get(1).toString())
                .isEqualTo("{\"type\":\"0x2::object::ID\",\"value\":\"" + Fixtures.NODE + "\"}");
    }

    @Test
    void unknownNodeAndMismatchedPoolAreErrors() {
        assertThatThrownBy(() -> reader.stakingPool(Fixtures.NODE_2)).isInstanceOf(SuiObjectUnavailableException.class);

        vars.put("object:pool", b64(devnetPoolBcs(Fixtures.NODE_2, "n", "h:1", null)));
        assertThatThrownBy(() -> reader.stakingPool(Fixtures.NODE))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(WalrusDecodeException.Reason.WRONG_OBJECT_TYPE));

        vars.put("object:pool", b64(new byte[40]));
        assertThatThrownBy(() -> reader.stakingPool(Fixtures.NODE))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(WalrusDecodeException.Reason.MALFORMED_BCS));
    }
}
