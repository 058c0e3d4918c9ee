package io.walrusj.storage.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.walrusj.chain.model.BlsCommittee;
import io.walrusj.chain.model.BlsCommitteeMember;
import io.walrusj.chain.model.Committee;
import io.walrusj.chain.model.EpochState;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.StakingPool;
import io.walrusj.chain.model.StorageNodeInfo;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.model.WalrusSharedObject;
import io.walrusj.chain.rpc.Json;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An in-process Sui JSON-RPC endpoint with the few methods a storage node calls:
 * {@code sui_getObject} (System, Staking and their inner-state fields),
 * {@code suix_getDynamicFieldObject} and {@code suix_queryEvents} over events appended with
 * {@link #emit}, encoded with chain-client's own {@code WalrusEvent.writeBcs}.
 */
public final class FakeChain implements AutoCloseable {
    public static final SuiAddress PACKAGE = addr(0x11);
    public static final SuiAddress SYSTEM = addr(0x22);
    public static final SuiAddress STAKING = addr(0x33);
    public static final SuiAddress SYSTEM_FIELD = addr(0x44);
    public static final SuiAddress STAKING_FIELD = addr(0x55);
    public static final SuiAddress SENDER = addr(0x66);
    public static final long VERSION = 7;

    private record Emitted(String txDigest, String name, byte[] bcs) {
    }

    private final HttpServer server;
    private final List<Emitted> events = new ArrayList<>();
    private volatile int nShards;
    private volatile long epoch;
    private volatile Map<SuiAddress, List<Integer>> shards;
    private volatile Map<SuiAddress, List<Integer>> previousShards = Map.of();
    private final Map<SuiAddress, String> networkAddresses = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<SuiAddress, io.walrusj.core.crypto.BlsPublicKey> protocolKeys = new java.util.concurrent.ConcurrentHashMap<>();
    private int tx;

    public FakeChain(int nShards, long epoch, Map<SuiAddress, List<Integer>> shards) {
        this.nShards = nShards;
        this.epoch = epoch;
        this.shards = new LinkedHashMap<>(shards);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public static SuiAddress addr(int b) {
        byte[] a = new byte[32];
        Arrays.fill(a, (byte) b);
        return SuiAddress.of(a);
    }

    /**
     * Points a storage node under test at this chain: a fresh data directory, the chain's RPC URL
     * and object ids, {@code nodeId} as the node's identity, and a fast poll interval.
     */
    public void registerNodeProperties(org.springframework.test.context.DynamicPropertyRegistry registry, SuiAddress nodeId,
            String dataDirPrefix) {
        String dataDir;
        try {
            dataDir = java.nio.file.Files.createTempDirectory(dataDirPrefix).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        registry.add("storage.data-dir", () -> dataDir);
        registry.add("storage.rpc-url", () -> uri().toString());
        registry.add("storage.package-id", PACKAGE::toString);
        registry.add("storage.system-object-id", SYSTEM::toString);
        registry.add("storage.staking-object-id", STAKING::toString);
        registry.add("storage.node-id", nodeId::toString);
        registry.add("storage.poll-interval", () -> "50ms");
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Appends an event in its own transaction. */
    public synchronized void emit(WalrusEvent event) {
        byte[] digest = new byte[32];
        int n = ++tx;
        digest[0] = (byte) n;
        digest[1] = (byte) (n >>> 8);
        digest[31] = 0x5a;
        events.add(new Emitted(Base58.encode(digest), event.name(), BcsWriter.encode(event::writeBcs)));
    }

    /** Changes the epoch and committee read by later {@code sui_getObject} calls. */
    public void setCommittee(long epoch, Map<SuiAddress, List<Integer>> shards) {
        this.shards = new LinkedHashMap<>(shards);
        this.epoch = epoch;
    }

    /** Sets the staking object's {@code previous_committee} (node -> shards of the epoch before). */
    public void setPreviousCommittee(Map<SuiAddress, List<Integer>> shards) {
        this.previousShards = new LinkedHashMap<>(shards);
    }

    /**
     * Publishes a {@code StakingPool} object (id = node id) whose {@code node_info.network_address}
     * is {@code hostPort}, served by {@code sui_getObject(nodeId)} like the devnet does.
     */
    public void setNetworkAddress(SuiAddress nodeId, String hostPort) {
        networkAddresses.put(nodeId, hostPort);
    }

    /**
     * Puts {@code key} (uncompressed) into the system object's BLS committee entry of {@code nodeId};
     * members without a key get 96 zero bytes, which do not decode as a key.
     */
    public void setProtocolKey(SuiAddress nodeId, io.walrusj.core.crypto.BlsPublicKey key) {
        protocolKeys.put(nodeId, key);
    }

    /** A transaction received by {@code devnet_executeTransaction} whose signature verified. */
    public record Transaction(io.walrusj.chain.devnet.DevnetTransaction tx, io.walrusj.core.crypto.SuiSignature signature) {
    }

    private final List<Transaction> transactions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger createdIds = new java.util.concurrent.atomic.AtomicInteger(0x80);

    /** Every accepted {@code devnet_executeTransaction}, in order. */
    public List<Transaction> transactions() {
        return List.copyOf(transactions);
    }

    /**
     * Verifies the signature (sender = signer), decodes the call and answers like the devnet: a
     * {@code RegisterCandidate} creates a {@code StakingPool} (fresh id) and a {@code StorageNodeCap};
     * a {@code StakeWithPool} creates a {@code StakedWal}. Bad signatures are rejected (-32002).
     */
    private String execute(String txBase64, String sigBase64) {
        byte[] txBytes = java.util.Base64.getDecoder().decode(txBase64);
        io.walrusj.core.crypto.SuiSignature sig = io.walrusj.core.crypto.SuiSignature.fromBase64(sigBase64);
        io.walrusj.chain.devnet.DevnetTransaction tx = io.walrusj.chain.devnet.DevnetTransaction.fromBytes(txBytes);
        if (!sig.verifiesTransaction(txBytes) || !sig.signer().equals(tx.sender())) {
            throw new IllegalArgumentException("bad signature");
        }
        transactions.add(new Transaction(tx, sig));
        List<String> created = new ArrayList<>();
        switch (tx.call()) {
            case io.walrusj.chain.devnet.Call.RegisterCandidate c -> {
                created.add(change(addr(createdIds.getAndIncrement()), "::staking_pool::StakingPool"));
                created.add(change(addr(createdIds.getAndIncrement()), "::storage_node::StorageNodeCap"));
            }
            case io.walrusj.chain.devnet.Call.StakeWithPool c ->
                created.add(change(addr(createdIds.getAndIncrement()), "::staked_wal::StakedWal"));
            default -> {
            }
        }
        String digest = Base58.encode(io.walrusj.chain.devnet.DevnetTransaction.digest(txBytes));
        return "{\"digest\":\"" + digest + "\",\"checkpoint\":\"" + transactions.size()
                + "\",\"effects\":{\"status\":{\"status\":\"success\"}},\"events\":[],\"objectChanges\":["
                + String.join(",", created) + "]}";
    }

    private static String change(SuiAddress id, String typeSuffix) {
        return "{\"type\":\"created\",\"objectId\":\"" + id + "\",\"objectType\":\"" + PACKAGE + typeSuffix
                + "\",\"version\":\"" + VERSION + "\",\"digest\":\"" + Base58.encode(new byte[32]) + "\"}";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode req;
            try (InputStream in = ex.getRequestBody()) {
                req = Json.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            String result;
            try {
                result = answer(req.get("method").stringValue(), req.get("params"));
            } catch (RuntimeException e) {
                result = null;
            }
            String body = result == null
                    ? "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"error\":{\"code\":-32602,\"message\":\"unsupported\"}}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":" + req.get("id") + ",\"result\":" + result + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String answer(String method, JsonNode params) {
        return switch (method) {
            case "sui_getObject" -> object(SuiAddress.parseLenient(params.get(0).stringValue()));
            case "suix_getDynamicFieldObject" -> {
                SuiAddress parent = SuiAddress.parseLenient(params.get(0).stringValue());
                if (!parent.equals(SYSTEM) && !parent.equals(STAKING)) {
                    yield "{\"error\":{\"code\":\"dynamicFieldNotFound\",\"parent_object_id\":\"" + parent + "\"}}";
                }
                yield object(parent.equals(SYSTEM) ? SYSTEM_FIELD : STAKING_FIELD);
            }
            case "suix_queryEvents" -> queryEvents(params.get(1), params.get(2).asInt());
            case "devnet_getChainInfo" -> "{\"packageId\":\"" + PACKAGE + "\",\"systemObjectId\":\"" + SYSTEM
                    + "\",\"stakingObjectId\":\"" + STAKING + "\",\"nShards\":" + nShards + ",\"epoch\":" + epoch
                    + ",\"epochDurationMs\":60000,\"faucetEnabled\":true}";
            case "devnet_executeTransaction" -> execute(params.get(0).stringValue(), params.get(1).stringValue());
            default -> null;
        };
    }

    private String object(SuiAddress id) {
        String pkg = PACKAGE.toString();
        String type;
        byte[] bcs;
        if (id.equals(SYSTEM)) {
            type = pkg + "::system::System";
            bcs = BcsWriter.encode(w -> new WalrusSharedObject(SYSTEM, VERSION, PACKAGE, Optional.empty()).writeBcs(w));
        } else if (id.equals(STAKING)) {
            type = pkg + "::staking::Staking";
            bcs = BcsWriter.encode(w -> new WalrusSharedObject(STAKING, VERSION, PACKAGE, Optional.empty()).writeBcs(w));
        } else if (id.equals(SYSTEM_FIELD)) {
            type = "0x2::dynamic_field::Field<u64, " + pkg + "::system_state_inner::SystemStateInnerV1>";
            bcs = BcsWriter.encode(w -> {
                SYSTEM_FIELD.writeBcs(w);
                w.u64(VERSION);
                List<BlsCommitteeMember> members = new ArrayList<>();
                shards.forEach((node, s) -> members.add(new BlsCommitteeMember(protocolKeys.containsKey(node)
                        ? protocolKeys.get(node).toUncompressedBytes() : new byte[96], s.size(), node)));
                new SystemStateInnerV1(new BlsCommittee(members, nShards, epoch, new byte[48]), 1L << 40, 0, 1, 1)
                        .writePrefix(w);
            });
        } else if (id.equals(STAKING_FIELD)) {
            type = "0x2::dynamic_field::Field<u64, " + pkg + "::staking_inner::StakingInnerV1>";
            bcs = BcsWriter.encode(w -> {
                STAKING_FIELD.writeBcs(w);
                w.u64(VERSION);
                new StakingInnerV1(nShards, 3_600_000L, 1_700_000_000_000L, addr(0x71), shards.size(), epoch, addr(0x72),
                        Optional.empty(), new Committee(shards), new Committee(previousShards), Optional.empty(),
                        new EpochState.EpochChangeDone(1_700_000_000_000L), addr(0x73)).writeBcs(w);
            });
        } else if (networkAddresses.containsKey(id)) {
            type = pkg + "::staking_pool::StakingPool";
            StorageNodeInfo info = new StorageNodeInfo("node-" + id.toString().substring(2, 6), id,
                    networkAddresses.get(id), new byte[96], Optional.empty(), new byte[33], addr(0x74));
            // the leading fields are what chain-client decodes (it ignores the rest of the object)
            bcs = BcsWriter.encode(w -> new StakingPool(id, StakingPool.ACTIVE, -1, 1, 1, 1L << 40, info, 1, epoch,
                    1_000_000_000L, 1_000_000_000L).writeBcs(w));
        } else {
            return "{\"error\":{\"code\":\"notExists\",\"object_id\":\"" + id + "\"}}";
        }
        String b64 = Base64.getEncoder().encodeToString(bcs);
        return "{\"data\":{\"objectId\":\"" + id + "\",\"version\":\"" + VERSION + "\",\"digest\":\""
                + Base58.encode(new byte[32]) + "\",\"type\":\"" + type + "\",\"bcs\":{\"dataType\":\"moveObject\",\"type\":\""
                + type + "\",\"hasPublicTransfer\":false,\"version\":" + VERSION + ",\"bcsBytes\":\"" + b64 + "\"}}}";
    }

    private synchronized String queryEvents(JsonNode cursor, int limit) {
        int start = 0;
        if (cursor != null && !cursor.isNull()) {
            String digest = cursor.get("txDigest").stringValue();
            start = -1;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).txDigest().equals(digest)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw new IllegalArgumentException("unknown cursor");
            }
        }
        int end = Math.min(events.size(), start + Math.max(1, limit));
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = start; i < end; i++) {
            Emitted e = events.get(i);
            if (i > start) {
                sb.append(',');
            }
            sb.append("{\"id\":{\"txDigest\":\"").append(e.txDigest()).append("\",\"eventSeq\":\"0\"},")
                    .append("\"packageId\":\"").append(PACKAGE).append("\",\"transactionModule\":\"system\",")
                    .append("\"sender\":\"").append(SENDER).append("\",\"type\":\"").append(PACKAGE)
                    .append("::events::").append(e.name()).append("\",\"bcsEncoding\":\"base64\",\"bcs\":\"")
                    .append(Base64.getEncoder().encodeToString(e.bcs())).append("\"}");
        }
        sb.append("],\"nextCursor\":");
        if (end > start) {
            sb.append("{\"txDigest\":\"").append(events.get(end - 1).txDigest()).append("\",\"eventSeq\":\"0\"}");
        } else {
            sb.append("null");
        }
        sb.append(",\"hasNextPage\":").append(end < events.size()).append('}');
        return sb.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
