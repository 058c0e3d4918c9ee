package io.walrusj.chain.devnet;

import io.walrusj.chain.testing.FakeSuiServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.walrusj.chain.testing.FakeSuiServer.Reply;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.SuiEvent;
import io.walrusj.chain.rpc.SuiProtocolException;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.chain.rpc.SuiRpcException;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.crypto.SuiSignature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link DevnetClient} against an in-process JSON-RPC fake that answers like the devnet's
 * {@code DevnetMethods}: it checks the request (method, params, signature over the tx bytes) and
 * replies with the devnet's result and error shapes.
 */
class DevnetClientTest {
    private static final Ed25519KeyPair KEY = Ed25519KeyPair.fromSeed(new byte[] {
        7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7});
    private static final SuiAddress PKG = address(0xAA);
    private static final SuiAddress STORAGE = address(0x5A);
    private static final SuiAddress SYSTEM = address(0x51);
    private static final byte[] EVENT_BCS = {1, 2, 3, 4};
    private static final long CLOCK_MS = 1_750_000_000_000L;

    private FakeSuiServer server;
    private SuiRpcClient rpc;
    private DevnetClient client;
    private final List<DevnetTransaction> received = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(CLOCK_MS);

    @BeforeEach
    void setUp() {
        server = FakeSuiServer.start();
        rpc = SuiRpcClient.builder(server.uri()).requestTimeout(Duration.ofSeconds(5)).build();
        client = DevnetClient.withClock(rpc, clock::get, 0x12345);
    }

    @AfterEach
    void tearDown() {
        client.close();
        rpc.close();
        server.close();
    }

    @Test
    void executeSendsASignedTransactionAndParsesTheResult() {
        server.respond(this::executeOk);
        Executed executed = client.execute(KEY, new Call.ReserveSpace(1 << 20, 3));

        JsonNode request = server.requests().getFirst();
        assertThat(request.get("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(request.get("method").asString()).isEqualTo("devnet_executeTransaction");
        JsonNode params = request.get("params");
        assertThat(params.isArray()).isTrue();
        assertThat(params).hasSize(2);
        byte[] txBytes = Base64.getDecoder().decode(params.get(0).asString());
        SuiSignature signature = SuiSignature.fromBase64(params.get(1).asString());
        assertThat(signature.verifiesTransaction(txBytes)).isTrue();
        assertThat(signature.signer()).isEqualTo(KEY.suiAddress());
        DevnetTransaction tx = DevnetTransaction.fromBytes(txBytes);
        assertThat(tx.sender()).isEqualTo(KEY.suiAddress());
        assertThat(tx.call()).isEqualTo(new Call.ReserveSpace(1 << 20, 3));
        assertThat(tx.nonce()).isEqualTo((CLOCK_MS << 20) | 0x12345);

        assertThat(executed.digest()).isEqualTo(Base58.encode(DevnetTransaction.digest(txBytes)));
        assertThat(executed.checkpoint()).isEqualTo(12);
        assertThat(executed.timestampMs()).hasValue(CLOCK_MS);
        assertThat(executed.events()).hasSize(1);
        SuiEvent event = executed.events().getFirst();
        assertThat(event.type()).isEqualTo(PKG + "::events::BlobRegistered");
        assertThat(event.id().txDigest()).isEqualTo(executed.digest());
        assertThat(event.sender()).isEqualTo(KEY.suiAddress());
        assertThat(event.bcs()).isEqualTo(EVENT_BCS);
        assertThat(event.parsedJson()).isPresent();
        assertThat(executed.events("::BlobRegistered")).containsExactly(event);
        assertThat(executed.objectChanges()).containsExactly(
                new Executed.ObjectChange("created", STORAGE, PKG + "::storage_resource::Storage", 13, "11111111111111111111111111111111"),
                new Executed.ObjectChange("mutated", SYSTEM, "0x2::dynamic_field::Field<u64, " + PKG
                        + "::system_state_inner::SystemStateInnerV1>", 13, "4vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi"));
        assertThat(executed.createdOne("::storage_resource::Storage")).isEqualTo(STORAGE);
        assertThat(executed.created("::blob::Blob")).isEmpty();
        assertThat(executed.objectChanges().getFirst().isCreated()).isTrue();
        assertThat(executed.objectChanges().get(1).isMutated()).isTrue();
    }

    @Test
    void everyTransactionGetsAFreshIncreasingNonce() {
        server.respond(this::executeOk);
        Executed first = client.execute(KEY, new Call.VotingEnd());
        Executed second = client.execute(KEY, new Call.VotingEnd());
        clock.addAndGet(5);
        Executed third = client.execute(KEY, new Call.VotingEnd());
        clock.addAndGet(-1000); // a clock going backwards never reuses a nonce
        Executed fourth = client.execute(KEY, new Call.VotingEnd());

        long base = (CLOCK_MS << 20) | 0x12345;
        assertThat(received).extracting(DevnetTransaction::nonce)
                .containsExactly(base, base + 1, ((CLOCK_MS + 5) << 20) | 0x12345, (((CLOCK_MS + 5) << 20) | 0x12345) + 1);
        assertThat(List.of(first.digest(), second.digest(), third.digest(), fourth.digest())).doesNotHaveDuplicates();
        assertThat(client.execute(KEY, 7, new Call.VotingEnd()).digest()).isNotIn(first.digest(), second.digest());
        assertThat(received.getLast().nonce()).isEqualTo(7);
    }

    @Test
    void signThenSubmitSendsExactlyTheSignedBytes() {
        server.respond(this::executeOk);
        DevnetTransaction.Signed signed = client.sign(KEY, new Call.AdvanceEpoch());
        Executed executed = client.submit(signed);
        JsonNode params = server.requests().getFirst().get("params");
        assertThat(params.get(0).asString()).isEqualTo(Base64.getEncoder().encodeToString(signed.txBytes()));
        assertThat(params.get(1).asString()).isEqualTo(signed.signature().toBase64());
        assertThat(executed.digest()).isEqualTo(Base58.encode(DevnetTransaction.digest(signed.txBytes())));
    }

    @Test
    void aRejectionBecomesATypedExceptionWithTheReason() {
        server.respond(rejecting("ENotEnoughStake"));
        DevnetTransaction.Signed signed = client.sign(KEY, new Call.CertifyBlob(STORAGE, new byte[96], new byte[] {1},
                new byte[] {2}));
        assertThatThrownBy(() -> client.submit(signed))
                .isInstanceOfSatisfying(TransactionRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("ENotEnoughStake");
                    assertThat(e.digest()).isEqualTo(Base58.encode(DevnetTransaction.digest(signed.txBytes())));
                    assertThat(e.getMessage()).contains("ENotEnoughStake: signers hold too little stake");
                    assertThat(e.getCause()).isInstanceOfSatisfying(SuiRpcException.class,
                            c -> assertThat(c.code()).isEqualTo(-32002));
                });

        for (String reason : List.of(TransactionRejectedException.INVALID_SIGNATURE, TransactionRejectedException.DUPLICATE,
                TransactionRejectedException.MALFORMED)) {
            server.respond(rejecting(reason));
            assertThatThrownBy(() -> client.execute(KEY, new Call.VotingEnd()))
                    .isInstanceOfSatisfying(TransactionRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        }
    }

    @Test
    void aRejectionWithoutReasonIsUnknownAndOtherErrorsStayRpcErrors() {
        server.respond(r -> error(r, -32002, "rejected", null));
        assertThatThrownBy(() -> client.execute(KEY, new Call.VotingEnd()))
                .isInstanceOfSatisfying(TransactionRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(TransactionRejectedException.UNKNOWN));
        server.respond(r -> error(r, -32602, "bad base64 or signature", null));
        assertThatThrownBy(() -> client.execute(KEY, new Call.VotingEnd()))
                .isInstanceOfSatisfying(SuiRpcException.class, e -> assertThat(e.code()).isEqualTo(-32602));
    }

    @Test
    void aResultForOtherBytesOrOfTheWrongShapeIsAProtocolError() {
        server.respond(r -> {
            ObjectNode reply = (ObjectNode) Json.MAPPER.readTree(executeOk(r).body());
            ((ObjectNode) reply.get("result")).put("digest", Base58.encode(new byte[32]));
            return Reply.ok(reply.toString());
        });
        assertThatThrownBy(() -> client.execute(KEY, new Call.VotingEnd())).isInstanceOf(SuiProtocolException.class)
                .hasMessageContaining("result.digest");
        server.respond(r -> {
            ObjectNode reply = (ObjectNode) Json.MAPPER.readTree(executeOk(r).body());
            ((ObjectNode) reply.get("result").get("objectChanges").get(0)).remove("objectId");
            return Reply.ok(reply.toString());
        });
        assertThatThrownBy(() -> client.execute(KEY, new Call.VotingEnd())).isInstanceOf(SuiProtocolException.class)
                .hasMessageContaining("result.objectChanges[0].objectId");
    }

    @Test
    void balanceReadsTotalBalance() {
        server.respond(r -> {
            assertThat(r.get("method").asString()).isEqualTo("suix_getBalance");
            assertThat(r.get("params")).hasSize(1);
            assertThat(r.get("params").get(0).asString()).isEqualTo(KEY.suiAddress().toString());
            return result(r, "{\"coinType\":\"" + PKG + "::wal::WAL\",\"coinObjectCount\":1,"
                    + "\"totalBalance\":\"999000000001\",\"lockedBalance\":{}}");
        });
        assertThat(client.balance(KEY.suiAddress())).isEqualTo(999_000_000_001L);

        server.respond(r -> result(r, "{\"totalBalance\":\"-1\"}"));
        assertThatThrownBy(() -> client.balance(KEY.suiAddress())).isInstanceOf(SuiProtocolException.class)
                .hasMessageContaining("result.totalBalance");
    }

    @Test
    void chainInfoIsParsed() {
        server.respond(r -> {
            assertThat(r.get("method").asString()).isEqualTo("devnet_getChainInfo");
            assertThat(r.get("params").isArray()).isTrue();
            assertThat(r.get("params")).isEmpty();
            return result(r, "{\"packageId\":\"" + PKG + "\",\"systemObjectId\":\"" + SYSTEM
                    + "\",\"stakingObjectId\":\"0x52\",\"nShards\":10,\"epoch\":3,\"epochDurationMs\":\"3600000\","
                    + "\"faucetEnabled\":true}");
        });
        ChainInfo info = client.chainInfo();
        assertThat(info).isEqualTo(new ChainInfo(PKG, SYSTEM, address(0x52), 10, 3, 3_600_000, true));
        assertThat(info.epochDuration()).isEqualTo(Duration.ofHours(1));

        server.respond(r -> result(r, "{\"packageId\":\"" + PKG + "\"}"));
        assertThatThrownBy(client::chainInfo).isInstanceOf(SuiProtocolException.class).hasMessageContaining("result.");
    }

    @Test
    void createOwnsItsRpcClient() {
        server.respond(r -> result(r, "{\"totalBalance\":\"5\"}"));
        try (DevnetClient own = DevnetClient.create(server.uri())) {
            assertThat(own.rpc().endpoint()).isEqualTo(server.uri());
            assertThat(own.balance(SYSTEM)).isEqualTo(5);
        }
    }

    // ------------------------------------------------------------------ the fake devnet

    /** Answers like DevnetMethods.execute: the digest of the received bytes, one event, two object changes. */
    private Reply executeOk(JsonNode request) {
        assertThat(request.get("method").asString()).isEqualTo("devnet_executeTransaction");
        byte[] txBytes = Base64.getDecoder().decode(request.get("params").get(0).asString());
        SuiSignature signature = SuiSignature.fromBase64(request.get("params").get(1).asString());
        DevnetTransaction tx = DevnetTransaction.fromBytes(txBytes);
        if (!signature.verifiesTransaction(txBytes) || !signature.signer().equals(tx.sender())) {
            return error(request, -32002, "INVALID_SIGNATURE: bad signature", "INVALID_SIGNATURE");
        }
        synchronized (received) {
            received.add(tx);
        }
        String digest = Base58.encode(DevnetTransaction.digest(txBytes));
        ObjectNode result = Json.NODES.objectNode();
        result.put("digest", digest);
        result.put("checkpoint", "12");
        result.put("timestampMs", Long.toString(CLOCK_MS));
        result.putObject("effects").putObject("status").put("status", "success");
        ObjectNode event = result.putArray("events").addObject();
        event.putObject("id").put("txDigest", digest).put("eventSeq", "0");
        event.put("packageId", PKG.toString());
        event.put("transactionModule", "system");
        event.put("sender", tx.sender().toString());
        event.put("type", PKG + "::events::BlobRegistered");
        event.putObject("parsedJson").put("epoch", 1);
        event.put("bcsEncoding", "base64");
        event.put("bcs", Base64.getEncoder().encodeToString(EVENT_BCS));
        event.put("timestampMs", Long.toString(CLOCK_MS));
        ArrayNode changes = result.putArray("objectChanges");
        changes.addObject().put("type", "created").put("objectId", STORAGE.toString())
                .put("objectType", PKG + "::storage_resource::Storage").put("version", "13")
                .put("digest", "11111111111111111111111111111111");
        changes.addObject().put("type", "mutated").put("objectId", SYSTEM.toString())
                .put("objectType", "0x2::dynamic_field::Field<u64, " + PKG + "::system_state_inner::SystemStateInnerV1>")
                .put("version", 13).put("digest", "4vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi");
        ObjectNode reply = Json.NODES.objectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("result", result);
        reply.set("id", request.get("id"));
        return Reply.ok(reply.toString());
    }

    private static Function<JsonNode, Reply> rejecting(String reason) {
        return r -> error(r, -32002, reason + ": signers hold too little stake", reason);
    }

    private static Reply error(JsonNode request, int code, String message, String reason) {
        ObjectNode reply = Json.NODES.objectNode();
        reply.put("jsonrpc", "2.0");
        ObjectNode error = reply.putObject("error").put("code", code).put("message", message);
        if (reason != null) {
            error.putObject("data").put("reason", reason);
        }
        reply.set("id", request.get("id"));
        return Reply.ok(reply.toString());
    }

    private static Reply result(JsonNode request, String resultJson) {
        ObjectNode reply = Json.NODES.objectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("result", Json.MAPPER.readTree(resultJson));
        reply.set("id", request.get("id"));
        return Reply.ok(reply.toString());
    }

    private static SuiAddress address(int last) {
        byte[] b = new byte[32];
        b[31] = (byte) last;
        return SuiAddress.of(b);
    }
}
