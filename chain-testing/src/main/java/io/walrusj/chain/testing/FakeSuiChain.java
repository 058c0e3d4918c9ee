package io.walrusj.chain.testing;

import com.google.protobuf.ByteString;
import io.walrusj.chain.DynamicFieldIds;
import io.walrusj.chain.ObjectSource;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.factory.ChainSettings;
import io.walrusj.chain.factory.RetryPolicy;
import io.walrusj.chain.follow.Backoff;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.grpc.proto.Bcs;
import io.walrusj.chain.grpc.proto.Event;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.StakingPool;
import io.walrusj.chain.model.StorageNodeInfo;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.model.WalrusEvents;
import io.walrusj.chain.rpc.Owner;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The one fake Sui chain for tests: an in-memory chain (objects with owner/version/BCS contents,
 * dynamic fields, balances, the epoch, checkpoints of transactions with events, accepted writes)
 * holding the Walrus objects, served on 127.0.0.1 both as Sui gRPC v2 ({@link #grpcUrl()}:
 * LedgerService, StateService, SubscriptionService with live {@code SubscribeCheckpoints}) and as
 * the legacy JSON-RPC read methods plus the devnet's {@code devnet_*} methods ({@link #jsonRpcUri()}),
 * both from the same model. Checkpoint 0 exists from the start (no transactions). See the module's
 * README for how a test uses it.
 */
public final class FakeSuiChain implements AutoCloseable {

    /** The Walrus package (event and object types are {@code PACKAGE::module::Type}). */
    public static final SuiAddress PACKAGE = addr(0x11);
    /** The shared Walrus {@code System} object. */
    public static final SuiAddress SYSTEM = addr(0x22);
    /** The shared Walrus {@code Staking} object. */
    public static final SuiAddress STAKING = addr(0x33);
    /** Sender of events emitted without one. */
    public static final SuiAddress SENDER = addr(0x66);
    /** The coin type of WAL on this chain ({@code suix_getBalance} without a coin type answers it). */
    public static final String WAL_COIN_TYPE = PACKAGE + "::wal::WAL";
    /** How one subscription ends after its frames. */
    public enum End {
        /** Ends the call with OK (Sui never does; a server that goes away cleanly). */
        COMPLETE,
        /** Ends with UNAVAILABLE. */
        FAIL,
        /** Stays open and sends nothing more (a stalled server). */
        SILENT
    }

    /**
     * @param startAhead the first frame is checkpoint {@code head + startAhead} at subscription time
     *     (0: the latest, as Sui does; more: a server that skips ahead)
     * @param frames frames sent before ending as {@code end}
     */
    public record Plan(long startAhead, int frames, End end) {
        /** From the latest checkpoint, never ending. */
        public static final Plan LIVE = new Plan(0, Integer.MAX_VALUE, End.COMPLETE);
    }

    private final ChainModel model;
    private final WalrusObjects walrus;
    private final FakeSuiGrpc grpc;
    private final GrpcFrontend grpcFrontend;
    private final FakeSuiServer jsonRpc;
    private final List<FakeWrite> writes = new CopyOnWriteArrayList<>();
    private final AtomicLong txCounter = new AtomicLong();
    private final AtomicInteger createdIds = new AtomicInteger(0x80);

    /** A chain at epoch 1 without Walrus objects (see {@link #publishWalrus}). */
    public FakeSuiChain() throws IOException {
        model = new ChainModel(1);
        walrus = new WalrusObjects(model, PACKAGE, SYSTEM, STAKING);
        grpc = new FakeSuiGrpc();
        grpcFrontend = new GrpcFrontend(model, grpc);
        jsonRpc = FakeSuiServer.start();
        new JsonRpcFrontend(model, this, jsonRpc);
    }

    /** {@link #FakeSuiChain()} without the checked exception. */
    public static FakeSuiChain start() {
        try {
            return new FakeSuiChain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An address whose every byte is {@code b}. */
    public static SuiAddress addr(int b) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) b);
        return SuiAddress.of(bytes);
    }

    // ------------------------------------------------------------------ endpoints

    /** The Sui gRPC base URL ({@code http://127.0.0.1:<port>}). */
    public String grpcUrl() {
        return grpc.url();
    }

    /** The JSON-RPC endpoint ({@code http://127.0.0.1:<port>/}). */
    public URI jsonRpcUri() {
        return jsonRpc.uri();
    }

    /** A new gRPC client of this chain (the caller closes it). */
    public SuiGrpcClient client() {
        return grpc.client();
    }

    /** This chain's Walrus ids as a network ({@code custom("fake", PACKAGE, SYSTEM, STAKING)}). */
    public WalrusNetwork network() {
        return WalrusNetwork.custom("fake", PACKAGE, SYSTEM, STAKING);
    }

    /**
     * Settings for {@code Chains.open} against this fake over {@code transport}: network
     * {@code devnet} (ids from {@code devnet_getChainInfo}), the devnet endpoint on the JSON-RPC
     * port, and fast retries (5 ms doubling to 50 ms, 5 attempts).
     */
    public ChainSettings settings(ChainSettings.Transport transport) {
        URI url = transport == ChainSettings.Transport.GRPC ? URI.create(grpcUrl()) : jsonRpcUri();
        return ChainSettings.of(url).withNetwork("devnet").withTransport(transport).withDevnetUrl(jsonRpcUri())
                .withRetry(new RetryPolicy(new Backoff(Duration.ofMillis(5), Duration.ofMillis(50), 2.0, 0.0), 5));
    }

    public SuiAddress packageId() {
        return PACKAGE;
    }

    // ------------------------------------------------------------------ objects, fields, balances

    /** Puts (or replaces, one version up) a Move object. */
    public FakeObject putObject(SuiAddress id, String type, Owner owner, byte[] contents) {
        return model.put(id, type, owner, contents);
    }

    /** Puts an object exactly as given (e.g. a chosen version). */
    public FakeObject putObject(FakeObject object) {
        return model.put(object);
    }

    public Optional<FakeObject> object(SuiAddress id) {
        return model.object(id);
    }

    /** Deletes an object (both transports then answer "not found"); false if there was none. */
    public boolean removeObject(SuiAddress id) {
        return model.remove(id);
    }

    /**
     * Adds or replaces the dynamic field {@code name} of {@code parent} with the value {@code valueBcs}
     * of Move type {@code valueType}; its field object {@code Field<N, V>} gets the id Sui derives
     * ({@link DynamicFieldIds}), which is returned.
     */
    public SuiAddress putDynamicField(SuiAddress parent, ObjectSource.FieldName name, String valueType, byte[] valueBcs) {
        SuiAddress id = DynamicFieldIds.derive(parent, name);
        model.putField(parent, id, name.type(), name.bcs(), valueType, valueBcs);
        return id;
    }

    /** Publishes a Move package whose type origin table is {@code origins} (module -> datatype -> defining package). */
    public void putPackage(SuiAddress id, Map<String, Map<String, SuiAddress>> origins) {
        model.putPackage(id, origins);
    }

    /** Sets the balance of {@code coinType} (e.g. {@link #WAL_COIN_TYPE}, {@code 0x2::sui::SUI}) of {@code owner}. */
    public void setBalance(SuiAddress owner, String coinType, long amount) {
        model.balance(owner, coinType, amount);
    }

    public long balance(SuiAddress owner, String coinType) {
        return model.balance(owner, coinType);
    }

    // ------------------------------------------------------------------ Walrus state

    /** Creates the System and Staking objects (and inner states) for {@code nShards} shards and this committee. */
    public void publishWalrus(int nShards, long epoch, Map<SuiAddress, List<Integer>> shards) {
        model.epoch(epoch);
        walrus.publish(nShards, shards);
    }

    /** Changes the epoch and the current committee (node id -> shard indices), without events. */
    public void committee(long epoch, Map<SuiAddress, List<Integer>> shards) {
        model.epoch(epoch);
        walrus.committee(shards);
    }

    /** Sets the staking state's {@code previous_committee}. */
    public void previousCommittee(Map<SuiAddress, List<Integer>> shards) {
        walrus.previousCommittee(shards);
    }

    /** Puts {@code key} into {@code node}'s BLS committee entry (others have 96 zero bytes, which decode as no key). */
    public void protocolKey(SuiAddress node, BlsPublicKey key) {
        walrus.protocolKey(node, key);
    }

    /** Serves this System inner state instead of the one made from the committee. */
    public void systemState(SystemStateInnerV1 state) {
        walrus.systemState(state);
    }

    /** Serves this Staking inner state instead of the one made from the committee. */
    public void stakingState(StakingInnerV1 state) {
        walrus.stakingState(state);
    }

    /**
     * The epoch moves to {@code epoch + 1}: the current committee becomes the previous one, and one
     * checkpoint (of the new epoch) carries {@code EpochChangeStart} and {@code EpochChangeDone}.
     * Returns the new epoch.
     */
    public long advanceEpoch() {
        long next = model.epoch() + 1;
        walrus.previousCommittee(walrus.committee());
        committee(next, walrus.committee());
        emit(new WalrusEvent.EpochChangeStart(next), new WalrusEvent.EpochChangeDone(next));
        return next;
    }

    public long epoch() {
        return model.epoch();
    }

    /** Publishes {@code pool} (object id = node id, owned by the pools table like on Sui). */
    public void stakingPool(StakingPool pool) {
        model.put(pool.id(), PACKAGE + "::staking_pool::StakingPool", new Owner.ObjectOwner(addr(0x72)),
                BcsWriter.encode(pool::writeBcs));
    }

    /** Publishes an active {@code StakingPool} of {@code node} whose {@code node_info.network_address} is {@code hostPort}. */
    public void networkAddress(SuiAddress node, String hostPort) {
        StorageNodeInfo info = new StorageNodeInfo("node-" + node.toString().substring(2, 6), node, hostPort,
                new byte[96], Optional.empty(), new byte[33], addr(0x74));
        stakingPool(new StakingPool(node, StakingPool.ACTIVE, -1, 1, 1, 1L << 40, info, 1, model.epoch(),
                1_000_000_000L, 1_000_000_000L));
    }

    /** Puts a {@code Blob} object (id = {@code blob.id()}) owned by {@code owner}. */
    public FakeObject blob(Blob blob, SuiAddress owner) {
        return model.put(blob.id(), PACKAGE + "::blob::Blob", new Owner.AddressOwner(owner), BcsWriter.encode(blob::writeBcs));
    }

    // ------------------------------------------------------------------ checkpoints and events

    /** One new checkpoint with one transaction from {@link #SENDER} emitting {@code events}; returns its number. */
    public long emit(WalrusEvent... events) {
        return emit(SENDER, events);
    }

    public long emit(SuiAddress sender, WalrusEvent... events) {
        return append(transaction(sender, events));
    }

    /** A transaction (fresh Base58 digest) from {@code sender} emitting these Walrus events, for {@link #append}. */
    public ExecutedTransaction transaction(SuiAddress sender, WalrusEvent... events) {
        byte[] d = new byte[32];
        long n = txCounter.incrementAndGet();
        for (int i = 0; i < 8; i++) {
            d[i] = (byte) (n >>> (8 * i));
        }
        d[31] = 0x5a;
        List<Event> list = new ArrayList<>();
        for (WalrusEvent e : events) {
            list.add(Event.newBuilder().setPackageId(PACKAGE.toString()).setModule("system").setSender(sender.toString())
                    .setEventType(PACKAGE + "::" + WalrusEvents.MODULE + "::" + e.name())
                    .setContents(Bcs.newBuilder().setName(e.name()).setValue(ByteString.copyFrom(BcsWriter.encode(e::writeBcs))))
                    .build());
        }
        return Protos.tx(Base58.encode(d), list.toArray(Event[]::new));
    }

    /** Appends a checkpoint with these transactions and sends it to the live subscriptions; returns its number. */
    public long append(ExecutedTransaction... txs) {
        return model.append(List.of(txs));
    }

    /** Appends {@code n} checkpoints without transactions; returns the last number. */
    public long appendEmpty(int n) {
        for (int i = 0; i < n; i++) {
            append();
        }
        return head();
    }

    /** Events in all checkpoints so far (what a follower from the start must deliver). */
    public int eventCount() {
        return model.checkpoints().stream().flatMap(c -> c.getTransactionsList().stream())
                .mapToInt(t -> t.getEvents().getEventsCount()).sum();
    }

    /** The latest checkpoint's number. */
    public long head() {
        return model.head();
    }

    // ------------------------------------------------------------------ writes

    /** Every accepted write, in order. */
    public List<FakeWrite> writes() {
        return List.copyOf(writes);
    }

    /** Records a write; calls that create objects on the devnet get fresh ids ({@link FakeWrite#created()}). */
    public FakeWrite recordWrite(SuiAddress sender, Call call, String digest) {
        List<SuiAddress> created = new ArrayList<>();
        JsonRpcFrontend.createdTypes(call).forEach(t -> created.add(addr(createdIds.getAndIncrement())));
        FakeWrite w = new FakeWrite(sender, call, digest, created);
        writes.add(w);
        return w;
    }

    tools.jackson.databind.JsonNode chainInfoJson() {
        var info = io.walrusj.chain.rpc.Json.NODES.objectNode();
        info.put("packageId", PACKAGE.toString());
        info.put("systemObjectId", SYSTEM.toString());
        info.put("stakingObjectId", STAKING.toString());
        info.put("nShards", Math.max(1, walrus.nShards()));
        info.put("epoch", model.epoch());
        info.put("epochDurationMs", 60_000);
        info.put("faucetEnabled", true);
        return info;
    }

    // ------------------------------------------------------------------ faults and observation

    /** The next {@code n} calls (either transport) fail: gRPC UNAVAILABLE, JSON-RPC HTTP 503. */
    public void failNext(int n) {
        model.failNext(n);
    }

    /** Calls of {@code method} so far: a gRPC method ({@code "GetObject"}) or a JSON-RPC one ({@code "sui_getObject"}). */
    public int calls(String method) {
        return model.calls(method);
    }

    /** Subscription number {@code i} (0-based) follows {@code plans.apply(i)}. */
    public void plans(IntFunction<Plan> plans) {
        grpcFrontend.plans = plans;
    }

    /** What {@code GetServiceInfo} reports as the lowest available checkpoint (the fake still serves all). */
    public void lowestAvailable(long seq) {
        grpcFrontend.lowestAvailable = seq;
    }

    /** Subscriptions opened so far. */
    public int subscriptions() {
        return calls("SubscribeCheckpoints");
    }

    /** {@code GetServiceInfo} calls so far. */
    public int serviceInfoCalls() {
        return calls("GetServiceInfo");
    }

    /** Sequence numbers asked with {@code GetCheckpoint}, in arrival order. */
    public List<Long> fetched() {
        return grpcFrontend.fetched();
    }

    /** Subscriptions the client cancelled so far. */
    public long cancelled() {
        return grpcFrontend.cancelledSubscriptions();
    }

    /** {@code GetCheckpoint} of {@code seq} or later waits until the client cancels it (counted) or {@link #unblock()}. */
    public void blockReadsFrom(long seq) {
        grpcFrontend.blockFrom = seq;
    }

    public void unblock() {
        grpcFrontend.unblock();
    }

    /** Blocked {@code GetCheckpoint} calls the client cancelled. */
    public int cancelledReads() {
        return grpcFrontend.cancelledReads();
    }

    @Override
    public void close() {
        unblock();
        grpc.close();
        jsonRpc.close();
    }
}
