package io.walrusj.indexer.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.model.WalrusSharedObject;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.indexer.ingest.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process Sui JSON-RPC endpoint ({@code com.sun.net.httpserver} on 127.0.0.1) holding a
 * list of Walrus events, served the way a full node serves them: {@code suix_queryEvents}
 * (ascending, exclusive cursor, {@code nextCursor} = last event, {@code hasNextPage}),
 * {@code sui_getLatestCheckpointSequenceNumber}, the devnet's {@code devnet_getChainInfo}, and
 * the Staking object with its inner state (three calls, as {@code WalrusChainReader} reads it),
 * or "not found" when no staking state is set.
 *
 * <p>Events are written with chain-client's {@code WalrusEvent} records ({@code writeBcs}: real
 * BCS) and {@code parsedJson} in Sui's rendering, which the client's decoder cross-checks.
 */
public final class FakeChain implements AutoCloseable {

    public static final SuiAddress PACKAGE = addr(0x11);
    public static final SuiAddress SYSTEM = addr(0x22);
    public static final SuiAddress STAKING = addr(0x33);
    private static final SuiAddress STAKING_FIELD = addr(0x44);
    private static final long STAKING_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HttpServer server;
    private final List<ObjectNode> events = new ArrayList<>();
    private final AtomicLong txCounter = new AtomicLong();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger queries = new AtomicInteger();
    private volatile StakingInnerV1 staking;
    private volatile long clockMs = 1_750_000_000_000L;

    private FakeChain() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static FakeChain start() {
        return new FakeChain();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** An address whose every byte is {@code b}. */
    public static SuiAddress addr(int b) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) b);
        return SuiAddress.of(bytes);
    }

    // ------------------------------------------------------------------ chain contents

    /** A transaction: events appended through it share its digest, with eventSeq 0, 1, ... */
    public final class Tx {
        private final String digest;
        private final SuiAddress sender;
        private int seq;

        private Tx(SuiAddress sender) {
            byte[] d = new byte[32];
            long n = txCounter.incrementAndGet();
            for (int i = 0; i < 8; i++) {
                d[i] = (byte) (n >>> (8 * i));
            }
            d[31] = 0x5a;
            this.digest = Base58.encode(d);
            this.sender = sender;
        }

        public EventId emit(WalrusEvent event) {
            EventId id = new EventId(digest, seq++);
            append(id, sender, event);
            return id;
        }
    }

    public Tx tx(SuiAddress sender) {
        return new Tx(sender);
    }

    /** One event in its own transaction. */
    public EventId emit(SuiAddress sender, WalrusEvent event) {
        return tx(sender).emit(event);
    }

    private void append(EventId id, SuiAddress sender, WalrusEvent event) {
        ObjectNode e = NODES.objectNode();
        e.set("id", id.toJson());
        e.put("packageId", PACKAGE.toString());
        e.put("transactionModule", "system");
        e.put("sender", sender.toString());
        e.put("type", PACKAGE + "::events::" + event.name());
        e.set("parsedJson", EventJson.toNode(event));
        e.put("bcsEncoding", "base64");
        e.put("bcs", Base64.getEncoder().encodeToString(event.toBcs()));
        clockMs += 1000;
        e.put("timestampMs", Long.toString(clockMs));
        synchronized (events) {
            events.add(e);
        }
    }

    public int size() {
        synchronized (events) {
            return events.size();
        }
    }

    /** The next {@code n} requests fail with HTTP 503. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** Serve this staking state (null: the Staking object does not exist). */
    public void staking(StakingInnerV1 state) {
        this.staking = state;
    }

    public int queries() {
        return queries.get();
    }

    // ------------------------------------------------------------------ JSON-RPC

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode req;
            try (InputStream in = ex.getRequestBody()) {
                req = MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            int status = 200;
            String body;
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 503;
                body = "{\"message\":\"unavailable\"}";
            } else {
                ObjectNode resp = NODES.objectNode();
                resp.put("jsonrpc", "2.0");
                resp.set("id", req.get("id"));
                try {
                    resp.set("result", dispatch(req.path("method").asString(), req.path("params")));
                } catch (IllegalArgumentException e) {
                    ObjectNode err = resp.putObject("error");
                    err.put("code", -32601);
                    err.put("message", e.getMessage());
                }
                body = resp.toString();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private JsonNode dispatch(String method, JsonNode params) {
        return switch (method) {
            case "suix_queryEvents" -> queryEvents(params);
            case "sui_getLatestCheckpointSequenceNumber" -> NODES.stringNode("1000");
            case "devnet_getChainInfo" -> {
                ObjectNode info = NODES.objectNode();
                info.put("packageId", PACKAGE.toString());
                info.put("systemObjectId", SYSTEM.toString());
                info.put("stakingObjectId", STAKING.toString());
                yield info;
            }
            case "sui_getObject" -> getObject(SuiAddress.parseLenient(params.get(0).asString()));
            case "suix_getDynamicFieldObject" -> dynamicField(SuiAddress.parseLenient(params.get(0).asString()));
            default -> throw new IllegalArgumentException("method not found: " + method);
        };
    }

    private JsonNode queryEvents(JsonNode params) {
        queries.incrementAndGet();
        if (!params.path(0).path("MoveEventModule").path("package").asString().equals(PACKAGE.toString())) {
            throw new IllegalArgumentException("unexpected filter " + params.get(0));
        }
        if (params.path(3).asBoolean(false)) {
            throw new IllegalArgumentException("descending not supported");
        }
        JsonNode cursor = params.get(1);
        int limit = params.get(2).isNull() ? 50 : params.get(2).asInt();
        List<ObjectNode> snapshot;
        synchronized (events) {
            snapshot = List.copyOf(events);
        }
        int from = 0;
        if (cursor != null && !cursor.isNull()) {
            from = -1;
            for (int i = 0; i < snapshot.size(); i++) {
                if (snapshot.get(i).get("id").equals(cursor)) {
                    from = i + 1;
                    break;
                }
            }
            if (from < 0) {
                throw new IllegalArgumentException("unknown cursor " + cursor);
            }
        }
        int to = Math.min(snapshot.size(), from + limit);
        ObjectNode page = NODES.objectNode();
        ArrayNode data = page.putArray("data");
        for (int i = from; i < to; i++) {
            data.add(snapshot.get(i));
        }
        if (to > from) {
            page.set("nextCursor", snapshot.get(to - 1).get("id"));
        } else {
            page.set("nextCursor", cursor == null ? NODES.nullNode() : cursor);
        }
        page.put("hasNextPage", to < snapshot.size());
        return page;
    }

    private JsonNode getObject(SuiAddress id) {
        StakingInnerV1 state = staking;
        if (state == null || !(id.equals(STAKING) || id.equals(STAKING_FIELD))) {
            ObjectNode r = NODES.objectNode();
            ObjectNode err = r.putObject("error");
            err.put("code", "notExists");
            err.put("object_id", id.toString());
            return r;
        }
        if (id.equals(STAKING)) {
            BcsWriter w = new BcsWriter();
            new WalrusSharedObject(STAKING, STAKING_VERSION, PACKAGE, Optional.empty()).writeBcs(w);
            return object(STAKING, PACKAGE + "::staking::Staking", w.toByteArray());
        }
        BcsWriter w = new BcsWriter();
        STAKING_FIELD.writeBcs(w);
        w.u64(STAKING_VERSION);
        state.writeBcs(w);
        return object(STAKING_FIELD, fieldType(), w.toByteArray());
    }

    private JsonNode dynamicField(SuiAddress parent) {
        if (staking == null || !parent.equals(STAKING)) {
            ObjectNode r = NODES.objectNode();
            ObjectNode err = r.putObject("error");
            err.put("code", "dynamicFieldNotFound");
            err.put("parent_object_id", parent.toString());
            return r;
        }
        ObjectNode r = NODES.objectNode();
        ObjectNode data = r.putObject("data");
        data.put("objectId", STAKING_FIELD.toString());
        data.put("version", "7");
        data.put("digest", Base58.encode(new byte[32]));
        data.put("type", fieldType());
        return r; // like a full node: no BCS here, the reader fetches the field object itself
    }

    private static String fieldType() {
        return "0x2::dynamic_field::Field<u64, " + PACKAGE + "::staking_inner::StakingInnerV1>";
    }

    private static JsonNode object(SuiAddress id, String type, byte[] bcs) {
        ObjectNode r = NODES.objectNode();
        ObjectNode data = r.putObject("data");
        data.put("objectId", id.toString());
        data.put("version", "7");
        data.put("digest", Base58.encode(new byte[32]));
        data.put("type", type);
        ObjectNode b = data.putObject("bcs");
        b.put("dataType", "moveObject");
        b.put("type", type);
        b.put("hasPublicTransfer", false);
        b.put("version", 7);
        b.put("bcsBytes", Base64.getEncoder().encodeToString(bcs));
        return r;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
