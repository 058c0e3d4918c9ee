package io.walrusj.devnet.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.devnet.ledger.Checkpoint;
import io.walrusj.devnet.ledger.CommittedTransaction;
import io.walrusj.devnet.ledger.DynamicField;
import io.walrusj.devnet.ledger.LedgerStore;
import io.walrusj.devnet.ledger.StoredEvent;
import io.walrusj.devnet.ledger.StoredObject;
import io.walrusj.devnet.ledger.StoredTransaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The Sui read methods over a real PostgreSQL ledger, through real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "devnet.data-dir=${java.io.tmpdir}/walrusj-devnet-test-${random.uuid}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiReadApiTest {
    private static final SuiAddress PACKAGE = SuiAddress.parse("0x" + "ab".repeat(32));
    private static final SuiAddress SENDER = SuiAddress.parse("0x" + "01".repeat(32));
    private static final SuiAddress BLOB = SuiAddress.parse("0x" + "0b".repeat(32));
    private static final String TYPE = PACKAGE + "::events::BlobRegistered";

    @LocalServerPort
    int port;
    @Autowired
    LedgerStore store;
    @Autowired
    ObjectMapper mapper;
    final HttpClient http = HttpClient.newHttpClient();
    final List<byte[]> digests = new ArrayList<>();

    @BeforeAll
    void threeTransactionsWithTwoEventsEach() {
        byte[] previous = null;
        for (int t = 1; t <= 3; t++) {
            byte[] digest = new byte[32];
            digest[0] = (byte) t;
            digests.add(digest);
            Checkpoint cp = new Checkpoint(t, digest.clone(), previous, 1000L * t, 1);
            previous = cp.digest();
            List<StoredEvent> events = List.of(
                    new StoredEvent(t, 0, digest, t, PACKAGE, "system", TYPE, SENDER, new byte[] {1, 2}, "{\"n\":\"" + t + "\"}", 1000L * t),
                    new StoredEvent(t, 1, digest, t, PACKAGE, "system", PACKAGE + "::events::BlobCertified", SENDER, new byte[] {3},
                            "{\"n\":\"" + t + "\"}", 1000L * t));
            List<StoredObject> objects = List.of(new StoredObject(BLOB, t, digest, PACKAGE + "::blob::Blob", "AddressOwner", SENDER,
                    null, new byte[] {9, (byte) t}, "{\"size\":\"" + t + "\"}", digest, false));
            List<DynamicField> fields = t == 1
                    ? List.of(new DynamicField(SENDER, "u64", new byte[] {4, 0, 0, 0, 0, 0, 0, 0}, "\"4\"", BLOB))
                    : List.of();
            store.append(new CommittedTransaction(new StoredTransaction(t, digest, t, SENDER, new byte[] {0}, "sig", 1000L * t),
                    cp, events, objects, fields));
        }
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void runsOnARealPostgresServer() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 18");
    }

    @Test
    void latestCheckpoint() throws Exception {
        assertThat(result("sui_getLatestCheckpointSequenceNumber", "[]").asString()).isEqualTo("3");
    }

    @Test
    void eventsPageByModuleWithCursorHandOff() throws Exception {
        JsonNode first = result("suix_queryEvents", "[{\"MoveEventType\":\"" + TYPE + "\"}, null, 2, false]");
        assertThat(first.get("data")).hasSize(2);
        assertThat(first.get("hasNextPage").asBoolean()).isTrue();
        JsonNode event = first.get("data").get(0);
        assertThat(event.get("id").get("txDigest").asString()).isEqualTo(Base58.encode(digests.get(0)));
        assertThat(event.get("id").get("eventSeq").asString()).isEqualTo("0");
        assertThat(event.get("type").asString()).isEqualTo(TYPE);
        assertThat(event.get("bcsEncoding").asString()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(event.get("bcs").asString())).containsExactly(1, 2);
        assertThat(event.get("parsedJson").get("n").asString()).isEqualTo("1");
        assertThat(event.get("timestampMs").asString()).isEqualTo("1000");
        JsonNode second = result("suix_queryEvents", "[{\"MoveEventType\":\"" + TYPE + "\"}, "
                + first.get("nextCursor") + ", 2, false]");
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.get("hasNextPage").asBoolean()).isFalse();
        assertThat(second.get("data").get(0).get("parsedJson").get("n").asString()).isEqualTo("3");
        JsonNode all = result("suix_queryEvents", "[{\"All\":[]}, null, 50, true]");
        assertThat(all.get("data")).hasSize(6);
        assertThat(all.get("data").get(0).get("id").get("eventSeq").asString()).isEqualTo("1"); // descending
        String byModule = "{\"MoveEventModule\":{\"package\":\"" + PACKAGE + "\",\"module\":\"events\"}}";
        assertThat(result("suix_queryEvents", "[" + byModule + ", null, 50, false]").get("data")).hasSize(6);
        String otherModule = "{\"MoveEventModule\":{\"package\":\"" + PACKAGE + "\",\"module\":\"system\"}}";
        assertThat(result("suix_queryEvents", "[" + otherModule + ", null, 50, false]").get("data")).isEmpty();
    }

    @Test
    void objectsWithOptionsAndMissingOnes() throws Exception {
        JsonNode object = result("sui_getObject", "[\"" + BLOB + "\", {\"showType\":true,\"showOwner\":true,\"showContent\":true,\"showBcs\":true}]");
        JsonNode data = object.get("data");
        assertThat(data.get("version").asString()).isEqualTo("3");
        assertThat(data.get("type").asString()).isEqualTo(PACKAGE + "::blob::Blob");
        assertThat(data.get("owner").get("AddressOwner").asString()).isEqualTo(SENDER.toString());
        assertThat(data.get("content").get("fields").get("size").asString()).isEqualTo("3");
        assertThat(Base64.getDecoder().decode(data.get("bcs").get("bcsBytes").asString())).containsExactly(9, 3);
        JsonNode bare = result("sui_getObject", "[\"" + BLOB + "\"]").get("data");
        assertThat(bare.has("content")).isFalse();
        assertThat(result("sui_getObject", "[\"0x42\"]").get("error").get("code").asString()).isEqualTo("notExists");
        JsonNode many = result("sui_multiGetObjects", "[[\"" + BLOB + "\", \"0x42\"], {\"showType\":true}]");
        assertThat(many).hasSize(2);
        assertThat(many.get(1).get("error").get("object_id").asString()).isEqualTo("0x" + "0".repeat(62) + "42");
        JsonNode field = result("suix_getDynamicFieldObject", "[\"" + SENDER + "\", {\"type\":\"u64\",\"value\":\"4\"}]");
        assertThat(field.get("data").get("objectId").asString()).isEqualTo(BLOB.toString());
    }

    @Test
    void jsonRpcErrors() throws Exception {
        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"sui_nope\",\"params\":[]}").get("error").get("code").asInt())
                .isEqualTo(-32601);
        JsonNode bad = call("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"sui_getObject\",\"params\":[\"0xzz\"]}");
        assertThat(bad.get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(bad.get("id").asInt()).isEqualTo(8);
        assertThat(call("{not json").get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(call("{\"id\":1,\"method\":\"x\"}").get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"suix_queryEvents\",\"params\":[{\"All\":[]}, null, 51]}")
                .get("error").get("message").asString()).contains("limit");
        assertThat(call("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"suix_queryEvents\",\"params\":[{\"Sender\":\"0x1\"}]}")
                .get("error").get("code").asInt()).isEqualTo(-32602);
        JsonNode batch = call("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sui_getLatestCheckpointSequenceNumber\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]");
        assertThat(batch.get(0).get("result").asString()).isEqualTo("3");
        assertThat(batch.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
    }

    private JsonNode result(String method, String params) throws Exception {
        JsonNode response = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}");
        assertThat(response.has("error")).as("error: %s", response.get("error")).isFalse();
        return response.get("result");
    }

    private JsonNode call(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return mapper.readTree(response.body());
    }
}
