package io.walrusj.chain.testing;

import io.walrusj.chain.grpc.proto.Checkpoint;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.rpc.Owner;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The state of the fake chain, shared by the gRPC and the JSON-RPC frontends: objects, dynamic
 * fields, balances, the epoch, and the checkpoints (kept as Sui gRPC {@link Checkpoint} messages;
 * the JSON-RPC frontend derives its events from them). Every method locks this model.
 */
final class ChainModel {

    /** A dynamic field of {@code parent}: its field object holds {@code id || name || value}. */
    record Field(SuiAddress parent, SuiAddress fieldId, String nameType, byte[] nameBcs, String valueType,
            byte[] valueBcs) {

        String fieldObjectType() {
            return "0x2::dynamic_field::Field<" + nameType + ", " + valueType + ">";
        }

        boolean named(String type, byte[] bcs) {
            return nameType.equals(type) && java.util.Arrays.equals(nameBcs, bcs);
        }
    }

    private final Map<SuiAddress, FakeObject> objects = new LinkedHashMap<>();
    private final Map<SuiAddress, List<Field>> fields = new LinkedHashMap<>();
    private final Map<String, Long> balances = new LinkedHashMap<>();
    private final Map<SuiAddress, Map<String, Map<String, SuiAddress>>> packages = new LinkedHashMap<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final List<LongConsumer> checkpointListeners = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private long epoch;
    private long epochFirstCheckpoint;
    private long referenceGasPrice = 1000;

    ChainModel(long epoch) {
        this.epoch = epoch;
        checkpoints.add(Protos.checkpoint(0, epoch));
    }

    // ------------------------------------------------------------------ objects

    /** Stores {@code type}/{@code owner}/{@code contents} under {@code id}, one version above the previous one. */
    synchronized FakeObject put(SuiAddress id, String type, Owner owner, byte[] contents) {
        FakeObject old = objects.get(id);
        FakeObject o = new FakeObject(id, old == null ? 1 : old.version() + 1, type, owner, contents);
        objects.put(id, o);
        return o;
    }

    synchronized FakeObject put(FakeObject o) {
        objects.put(o.id(), o);
        return o;
    }

    synchronized Optional<FakeObject> object(SuiAddress id) {
        return Optional.ofNullable(objects.get(id));
    }

    synchronized boolean remove(SuiAddress id) {
        return objects.remove(id) != null;
    }

    synchronized List<FakeObject> ownedBy(SuiAddress owner, String type) {
        return objects.values().stream()
                .filter(o -> o.owner() instanceof Owner.AddressOwner a && a.address().equals(owner))
                .filter(o -> type == null || o.type().equals(type) || o.type().startsWith(type + "<"))
                .toList();
    }

    /** Adds or replaces the field {@code (nameType, nameBcs)} of {@code parent} and its field object. */
    synchronized Field putField(SuiAddress parent, SuiAddress fieldId, String nameType, byte[] nameBcs, String valueType,
            byte[] valueBcs) {
        Field f = new Field(parent, fieldId, nameType, nameBcs.clone(), valueType, valueBcs.clone());
        List<Field> list = fields.computeIfAbsent(parent, p -> new ArrayList<>());
        list.removeIf(old -> old.named(nameType, nameBcs));
        list.add(f);
        byte[] contents = new byte[32 + nameBcs.length + valueBcs.length];
        System.arraycopy(fieldId.bytes(), 0, contents, 0, 32);
        System.arraycopy(nameBcs, 0, contents, 32, nameBcs.length);
        System.arraycopy(valueBcs, 0, contents, 32 + nameBcs.length, valueBcs.length);
        put(fieldId, f.fieldObjectType(), new Owner.ObjectOwner(parent), contents);
        return f;
    }

    synchronized List<Field> fields(SuiAddress parent) {
        return List.copyOf(fields.getOrDefault(parent, List.of()));
    }

    synchronized Optional<Field> field(SuiAddress parent, String nameType, byte[] nameBcs) {
        return fields.getOrDefault(parent, List.of()).stream().filter(f -> f.named(nameType, nameBcs)).findFirst();
    }

    synchronized void putPackage(SuiAddress id, Map<String, Map<String, SuiAddress>> origins) {
        packages.put(id, Map.copyOf(origins));
    }

    /** Module -> datatype -> defining package of a published package, or empty. */
    synchronized Optional<Map<String, Map<String, SuiAddress>>> typeOrigins(SuiAddress id) {
        return Optional.ofNullable(packages.get(id));
    }

    // ------------------------------------------------------------------ balances, epoch

    synchronized void balance(SuiAddress owner, String coinType, long amount) {
        balances.put(owner + "|" + coinType, amount);
    }

    synchronized long balance(SuiAddress owner, String coinType) {
        return balances.getOrDefault(owner + "|" + coinType, 0L);
    }

    synchronized long epoch() {
        return epoch;
    }

    /** Starts {@code epoch} at the next checkpoint. */
    synchronized void epoch(long epoch) {
        this.epoch = epoch;
        this.epochFirstCheckpoint = checkpoints.size();
    }

    synchronized long epochFirstCheckpoint() {
        return epochFirstCheckpoint;
    }

    synchronized long referenceGasPrice() {
        return referenceGasPrice;
    }

    synchronized void referenceGasPrice(long price) {
        this.referenceGasPrice = price;
    }

    // ------------------------------------------------------------------ checkpoints

    /** Appends a checkpoint of the current epoch holding {@code txs}; tells the listeners; returns its number. */
    synchronized long append(List<ExecutedTransaction> txs) {
        long seq = checkpoints.size();
        checkpoints.add(Protos.checkpoint(seq, epoch, txs.toArray(ExecutedTransaction[]::new)));
        checkpointListeners.forEach(l -> l.accept(seq));
        return seq;
    }

    synchronized long head() {
        return checkpoints.size() - 1;
    }

    synchronized Checkpoint checkpoint(long seq) {
        return checkpoints.get((int) seq);
    }

    synchronized List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /** Called under the model's lock with the number of each new checkpoint. */
    void onCheckpoint(LongConsumer listener) {
        checkpointListeners.add(listener);
    }

    // ------------------------------------------------------------------ calls and faults

    /** Counts a call of {@code method} (gRPC method name or JSON-RPC method); false if it must fail. */
    boolean call(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        return failNext.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
    }

    int calls(String method) {
        AtomicInteger n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    void failNext(int n) {
        failNext.set(n);
    }
}
