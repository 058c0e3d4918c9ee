package io.walrusj.chain.rpc;

import io.walrusj.chain.testing.Fixtures;
import io.walrusj.chain.testing.FakeSuiServer;

import static io.walrusj.chain.testing.FakeSuiServer.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.walrusj.chain.testing.FakeSuiServer.Reply;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SuiRpcClientTest {

    private static final EventId P1_LAST = new EventId("EWe5tg8PcTNUeL99Aw3aWJBkyHDB3BMfzhwpvtYaKHoW", 1);
    private static final EventId P2_LAST = new EventId("CXCS3qZgeLATaVBhtcyGuVZfiDiW5FAxTuziaE1tCBwU", 0);

    private FakeSuiServer server;
    private SuiRpcClient client;

    @BeforeEach
    void setUp() {
        server = FakeSuiServer.start();
        client = SuiRpcClient.builder(server.uri()).requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    /** Serves page 1, page 2 and then an empty page, choosing by the request's cursor. */
    static Reply pages(JsonNode request) {
        JsonNode cursor = request.get("params").get(1);
        if (cursor.isNull()) {
            return Reply.ok(recorded("queryEvents-page1.json"));
        }
        EventId id = EventId.fromJson("test", cursor, "cursor");
        if (id.equals(P1_LAST)) {
            return Reply.ok(recorded("queryEvents-page2.json"));
        }
        if (id.equals(P2_LAST)) {
            return Reply.ok(recorded("queryEvents-empty-after-page2.json"));
        }
        return Reply.status(400);
    }

    @Test
    void queryEventsSendsSuiParameterOrderAndIncrementingIds() {
        server.respond(SuiRpcClientTest::pages);
        EventFilter filter = WalrusNetwork.MAINNET.eventsFilter();

        EventPage first = client.queryEvents(filter, null, 3);
        client.queryEvents(filter, first.nextCursor().orElseThrow(), 3);

        List<JsonNode> reqs = server.requests();
        assertThat(reqs).hasSize(2);
        JsonNode r0 = reqs.get(0);
        assertThat(r0.get("jsonrpc").stringValue()).isEqualTo("2.0");
        assertThat(r0.get("method").stringValue()).isEqualTo("suix_queryEvents");
        assertThat(r0.get("params").toString()).isEqualTo("[{\"MoveEventModule\":{\"package\":\"" + Fixtures.PKG
                + "\",\"module\":\"events\"}},null,3,false]");
        JsonNode r1 = reqs.get(1);
        assertThat(r1.get("params").get(1).toString())
                .isEqualTo("{\"txDigest\":\"EWe5tg8PcTNUeL99Aw3aWJBkyHDB3BMfzhwpvtYaKHoW\",\"eventSeq\":\"1\"}");
        assertThat(r1.get("id").longValue()).isEqualTo(r0.get("id").longValue() + 1);
    }

    @Test
    void pagesAreWalkedWithCursorHandOff() {
        server.respond(SuiRpcClientTest::pages);
        EventFilter filter = WalrusNetwork.MAINNET.eventsFilter();
        List<SuiEvent> all = new ArrayList<>();
        List<EventId> cursors = new ArrayList<>();
        EventId cursor = null;
        EventPage page;
        do {
            page = client.queryEvents(filter, cursor, 3);
            all.addAll(page.data());
            cursor = page.nextCursor().orElse(cursor);
            cursors.add(cursor);
        } while (page.hasNextPage());

        assertThat(all).extracting(e -> e.type().substring(e.type().lastIndexOf(':') + 1))
                .containsExactly("BlobRegistered", "BlobCertified", "EpochChangeStart", "EpochChangeDone", "PricesUpdated");
        assertThat(cursors).containsExactly(P1_LAST, P2_LAST);

        // Caught up: the node echoes the cursor on an empty page.
        EventPage tail = client.queryEvents(filter, P2_LAST, 3);
        assertThat(tail.data()).isEmpty();
        assertThat(tail.nextCursor()).contains(P2_LAST);
        assertThat(tail.hasNextPage()).isFalse();
    }

    @Test
    void eventFieldsAreParsed() {
        server.respond(SuiRpcClientTest::pages);
        SuiEvent e = client.queryEvents(WalrusNetwork.MAINNET.eventsFilter(), null, 3).data().getFirst();

        assertThat(e.id()).isEqualTo(new EventId("DPTFT6rHjBugKYKM73ktonxppQZ2eqYfDKtwgyybdCQx", 0));
        assertThat(e.packageId()).isEqualTo(Fixtures.LATEST);
        assertThat(e.transactionModule()).isEqualTo("system");
        assertThat(e.sender()).isEqualTo(Fixtures.SENDER);
        assertThat(e.type()).isEqualTo(Fixtures.eventType("BlobRegistered"));
        assertThat(e.bcs()).isEqualTo(Fixtures.eventBcs().get("BlobRegistered"));
        assertThat(e.timestampMs()).hasValue(1743500000000L);
        assertThat(e.parsedJson()).isPresent();
        assertThat(e.parsedJson().get().get("size").stringValue()).isEqualTo("9007199254740993");
    }

    @Test
    void legacyUntaggedBase58BcsIsDecoded() {
        server.respond(r -> Reply.ok(recorded("queryEvents-base58.json")));
        SuiEvent e = client.queryEvents(WalrusNetwork.MAINNET.eventsFilter(), null, 50).data().getFirst();
        assertThat(e.bcs()).isEqualTo(Fixtures.eventBcs().get("InvalidBlobID"));
        assertThat(e.timestampMs()).isEmpty();
    }

    @Test
    void jsonRpcErrorBecomesSuiRpcException() {
        server.respond(r -> Reply.ok(recorded("error-invalid-params.json")));
        assertThatThrownBy(() -> client.queryEvents(WalrusNetwork.MAINNET.eventsFilter(), null, 50))
                .isInstanceOfSatisfying(SuiRpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-32602).isEqualTo(SuiRpcException.INVALID_PARAMS);
                    assertThat(e.rpcMessage()).startsWith("Invalid params: unknown variant `MoveEventModul`");
                    assertThat(e.method()).isEqualTo("suix_queryEvents");
                    assertThat(e.data()).isEmpty();
                });
    }

    @Test
    void http500IsATransportErrorWithStatus() {
        server.respond(r -> new Reply(500, "internal error"));
        assertThatThrownBy(() -> client.getLatestCheckpointSequenceNumber())
                .isInstanceOfSatisfying(SuiTransportException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(500);
                    assertThat(e.getMessage()).contains("internal error");
                });
    }

    @Test
    void connectionRefusedIsATransportErrorWithoutStatus() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (SuiRpcClient dead = SuiRpcClient.builder(URI.create("http://127.0.0.1:" + port + "/"))
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            assertThatThrownBy(dead::getLatestCheckpointSequenceNumber)
                    .isInstanceOfSatisfying(SuiTransportException.class, e -> {
                        assertThat(e.httpStatus()).isEmpty();
                        assertThat(e.getCause()).isInstanceOf(IOException.class);
                    });
        }
    }

    @Test
    void malformedResponsesAreProtocolErrors() {
        server.respond(r -> new Reply(200, "<html>gateway</html>"));
        assertThatThrownBy(() -> client.getLatestCheckpointSequenceNumber())
                .isInstanceOf(SuiProtocolException.class).hasMessageContaining("not JSON");

        server.respond(r -> new Reply(200, "{\"jsonrpc\":\"2.0\",\"result\":\"5\"}")); // no id
        assertThatThrownBy(() -> client.getLatestCheckpointSequenceNumber())
                .isInstanceOf(SuiProtocolException.class).hasMessageContaining("does not match request id");

        server.respond(r -> Reply.ok("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"data\":[],\"hasNextPage\":\"no\"}}"));
        assertThatThrownBy(() -> client.queryEvents(WalrusNetwork.MAINNET.eventsFilter(), null, 1))
                .isInstanceOf(SuiProtocolException.class).hasMessageContaining("result.hasNextPage");
    }

    @Test
    void latestCheckpointIsABigIntString() {
        server.respond(r -> Reply.ok(recorded("latest-checkpoint.json")));
        assertThat(client.getLatestCheckpointSequenceNumber()).isEqualTo(186004583L);
        JsonNode req = server.requests().getFirst();
        assertThat(req.get("method").stringValue()).isEqualTo("sui_getLatestCheckpointSequenceNumber");
        assertThat(req.get("params").size()).isZero();
    }

    @Test
    void getObjectParsesDataOwnerAndBcs() {
        byte[] blobBcs = {1, 2, 3, 4};
        server.respond(r -> Reply.ok(recorded("getObject-blob.json",
                Map.of("object:blob", Base64.getEncoder().encodeToString(blobBcs)))));

        SuiObject o = client.getObject(Fixtures.OBJ_A, ObjectDataOptions.bcs()).orElseThrow();

        assertThat(o.objectId()).isEqualTo(Fixtures.OBJ_A);
        assertThat(o.version()).isEqualTo(512001234L);
        assertThat(o.digest()).isEqualTo("7Yq3u5eXGZ9ZrYgkVdw8oqjv9QvJkUX3cwnE6JY8hNt2");
        assertThat(o.type()).contains(Fixtures.PKG + "::blob::Blob");
        assertThat(o.owner()).contains(new Owner.AddressOwner(Fixtures.SENDER));
        assertThat(o.requireBcsBytes()).isEqualTo(blobBcs);

        JsonNode req = server.requests().getFirst();
        assertThat(req.get("method").stringValue()).isEqualTo("sui_getObject");
        assertThat(req.get("params").get(0).stringValue()).isEqualTo(Fixtures.OBJ_A.toString());
        assertThat(req.get("params").get(1).get("showBcs").booleanValue()).isTrue();
        assertThat(req.get("params").get(1).get("showContent").booleanValue()).isFalse();
    }

    @Test
    void multiGetObjectsKeepsOrderAndObjectLevelErrors() {
        server.respond(r -> Reply.ok(recorded("multiGetObjects.json", Map.of("object:blob", "AQID"))));
        SuiAddress missing = SuiAddress.parseLenient("0xff");
        List<SuiObjectResponse> rs = client.multiGetObjects(
                List.of(Fixtures.OBJ_A, missing, WalrusNetwork.MAINNET.systemObjectId()), ObjectDataOptions.bcs());

        assertThat(rs).hasSize(3);
        assertThat(rs.get(0).orElseThrow().bcsBytes()).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(rs.get(1).error()).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(ObjectResponseError.NOT_EXISTS);
            assertThat(e.objectId()).contains(missing);
        });
        assertThat(rs.get(2).error().orElseThrow().code()).isEqualTo(ObjectResponseError.DELETED);
        assertThatThrownBy(() -> rs.get(1).orElseThrow())
                .isInstanceOfSatisfying(SuiObjectUnavailableException.class,
                        e -> assertThat(e.error().code()).isEqualTo("notExists"));

        JsonNode params = server.requests().getFirst().get("params");
        assertThat(params.get(0).size()).isEqualTo(3);
        assertThat(params.get(0).get(1).stringValue())
                .isEqualTo("0x00000000000000000000000000000000000000000000000000000000000000ff");
    }

    @Test
    void getDynamicFieldObjectSendsTypedNameAndHasNoBcs() {
        server.respond(r -> Reply.ok(recorded("getDynamicFieldObject-system.json")));
        SuiAddress system = WalrusNetwork.MAINNET.systemObjectId();

        SuiObject field = client.getDynamicFieldObject(system, DynamicFieldName.u64(3)).orElseThrow();

        assertThat(field.bcsBytes()).isEmpty();
        assertThat(field.content()).isPresent();
        assertThat(field.owner()).contains(new Owner.ObjectOwner(system));
        assertThat(field.type().orElseThrow()).startsWith("0x2::dynamic_field::Field<u64, ");
        JsonNode req = server.requests().getFirst();
        assertThat(req.get("method").stringValue()).isEqualTo("suix_getDynamicFieldObject");
        assertThat(req.get("params").toString())
                .isEqualTo("[\"" + system + "\",{\"type\":\"u64\",\"value\":\"3\"}]");

        server.respond(r -> Reply.ok(recorded("getDynamicFieldObject-not-found.json")));
        SuiObjectResponse none = client.getDynamicFieldObject(system, DynamicFieldName.u64(99));
        assertThat(none.data()).isEmpty();
        assertThat(none.error().orElseThrow().code()).isEqualTo(ObjectResponseError.DYNAMIC_FIELD_NOT_FOUND);
        assertThat(none.error().orElseThrow().objectId()).contains(system);
    }

    @Test
    void sharedOwnerIsParsed() {
        server.respond(r -> Reply.ok(recorded("getObject-system.json", Map.of("object:system", ""))));
        SuiObject o = client.getObject(WalrusNetwork.MAINNET.systemObjectId(), ObjectDataOptions.bcs()).orElseThrow();
        assertThat(o.owner()).contains(new Owner.Shared(371638490L));
    }

    @Test
    void eventIdTextFormRoundTrips() {
        EventId id = new EventId("DPTFT6rHjBugKYKM73ktonxppQZ2eqYfDKtwgyybdCQx", -1L);
        assertThat(id.toString()).endsWith(":18446744073709551615");
        assertThat(EventId.parse(id.toString())).isEqualTo(id);
        assertThat(id.toJson().get("eventSeq").stringValue()).isEqualTo("18446744073709551615");
    }

    @Test
    void invalidBase58BcsIsAProtocolError() {
        // The Base58 decoder is walrus-core's; its CryptoException surfaces as chain-client's type.
        JsonNode event = Json.MAPPER.readTree("""
                {"id":{"txDigest":"DPTFT6rHjBugKYKM73ktonxppQZ2eqYfDKtwgyybdCQx","eventSeq":"0"},
                 "packageId":"0x2","transactionModule":"system","sender":"0x2",
                 "type":"0x2::events::InvalidBlobID","bcs":"0OIl"}""");
        assertThatThrownBy(() -> SuiEvent.fromJson("suix_queryEvents", event, "result.data[0]"))
                .isInstanceOfSatisfying(SuiProtocolException.class, e -> {
                    assertThat(e.method()).isEqualTo("suix_queryEvents");
                    assertThat(e.getMessage()).contains("result.data[0].bcs").contains("'0'");
                    assertThat(e.getCause()).isInstanceOf(CryptoException.class);
                });
    }

    @Test
    void shortAddressesAreAcceptedAndMalformedOnesAreProtocolErrors() {
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree("""
                {"id":{"txDigest":"DPTFT6rHjBugKYKM73ktonxppQZ2eqYfDKtwgyybdCQx","eventSeq":"0"},
                 "packageId":"0X2","transactionModule":"system","sender":"0xAB",
                 "type":"0x2::events::InvalidBlobID","bcsEncoding":"base64","bcs":""}""");
        SuiEvent e = SuiEvent.fromJson("suix_queryEvents", event, "result.data[0]");
        assertThat(e.packageId()).isEqualTo(SuiAddress.parse("0x" + "0".repeat(63) + "2"));
        assertThat(e.sender()).isEqualTo(SuiAddress.parse("0x" + "0".repeat(62) + "ab"));

        for (String bad : List.of("0x" + "1".repeat(65), "0x", "0xg1", "")) {
            event.put("sender", bad);
            assertThatThrownBy(() -> SuiEvent.fromJson("suix_queryEvents", event, "result.data[0]"))
                    .as(bad)
                    .isInstanceOfSatisfying(SuiProtocolException.class, ex -> {
                        assertThat(ex.getMessage()).contains("result.data[0].sender");
                        assertThat(ex.getCause()).isInstanceOf(CryptoException.class);
                    });
        }
    }
}
