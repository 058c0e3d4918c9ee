package io.walrusj.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetTransaction;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.devnet.ledger.Ledger;
import io.walrusj.devnet.ledger.LedgerStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A devnet over real HTTP and a real PostgreSQL server, shared by the HTTP tests (one Spring
 * context): a genesis committee of four nodes with known BLS keys, a funded user, the chain's faucet
 * cap at 2^63-1 FROST per call (so u64 overflows are reachable) and the user as admin, JSON-RPC bodies of at most 64 KB, and helpers
 * to sign, send and read JSON-RPC calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class DevnetHttpTest {
    static final List<BlsKeyPair> NODE_KEYS = List.of(key(1), key(2), key(3), key(4));
    static final Ed25519KeyPair USER = Ed25519KeyPair.fromSeed(new byte[32]);

    @DynamicPropertySource
    static void genesis(DynamicPropertyRegistry registry) {
        registry.add("devnet.data-dir", () -> System.getProperty("java.io.tmpdir") + "/walrusj-devnet-test-" + System.nanoTime());
        registry.add("devnet.genesis.n-shards", () -> "10");
        registry.add("devnet.genesis.epoch-duration", () -> "1h");
        registry.add("devnet.genesis.funded-accounts." + USER.suiAddress(), () -> "1000000000000");
        registry.add("devnet.genesis.faucet-max-amount", () -> Long.toString(Long.MAX_VALUE));
        registry.add("devnet.genesis.admin", () -> USER.suiAddress().toString());
        registry.add("devnet.rpc.max-body-size", () -> "64KB");
        for (int i = 0; i < NODE_KEYS.size(); i++) {
            String prefix = "devnet.genesis.committee[" + i + "].";
            int index = i;
            registry.add(prefix + "name", () -> "node-" + index);
            registry.add(prefix + "network-address", () -> "127.0.0.1:" + (9100 + index));
            registry.add(prefix + "bls-public-key", () -> NODE_KEYS.get(index).publicKey().toBase64());
            registry.add(prefix + "operator", () -> SuiAddress.of(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
                (byte) index}).toString());
            registry.add(prefix + "stake", () -> "1000000000");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerStore store;
    @Autowired
    JdbcClient jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    final AtomicLong nonce = new AtomicLong();

    long balance() throws Exception {
        return Long.parseLong(result("suix_getBalance", "[\"" + USER.suiAddress() + "\"]").get("totalBalance").asString());
    }

    long latestCheckpoint() throws Exception {
        return Long.parseLong(result("sui_getLatestCheckpointSequenceNumber", "[]").asString());
    }

    JsonNode execute(Call call) throws Exception {
        return result("devnet_executeTransaction", signed(call));
    }

    String signed(Call call) {
        DevnetTransaction.Signed tx = DevnetTransaction.sign(USER, nonce.incrementAndGet(), call);
        return params(tx.txBytes(), tx.signature().toBase64());
    }

    static String params(byte[] txBytes, String signature) {
        return "[\"" + Base64.getEncoder().encodeToString(txBytes) + "\", \"" + signature + "\"]";
    }

    JsonNode result(String method, String params) throws Exception {
        JsonNode response = call(method, params);
        assertThat(response.has("error")).as("%s error: %s", method, response.get("error")).isFalse();
        return response.get("result");
    }

    JsonNode call(String method, String params) throws Exception {
        return callRaw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    JsonNode callRaw(String body) throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(body));
        assertThat(response.statusCode()).isEqualTo(200);
        return mapper.readTree(response.body());
    }

    HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The running chain's state digest as devnet_getChainInfo reports it. */
    String stateDigest() throws Exception {
        return result("devnet_getChainInfo", "[]").get("stateDigest").asString();
    }

    /** A new ledger over the same database: replays the whole log (a restart). */
    Ledger restarted(LedgerStore over) {
        return new Ledger(over, new io.walrusj.devnet.ledger.GenesisStore(jdbc),
                new io.walrusj.devnet.config.DevnetProperties(null, java.time.Duration.ofSeconds(1), 0, null), mapper,
                java.time.Clock.systemUTC());
    }

    static BlsKeyPair key(int i) {
        byte[] seed = new byte[32];
        seed[0] = (byte) i;
        return BlsKeyPair.fromSeed(seed);
    }
}
