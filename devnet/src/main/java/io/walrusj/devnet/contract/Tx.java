package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One transaction's working set over the committed {@link ObjectStore}: every object the
 * transaction touches is copied on first touch (read or write), so nothing an operation does can
 * reach a committed object; writes land in an overlay, events, balance changes and the mint/burn
 * amounts are buffered. {@link #prepare()} computes every effect (and runs every check, including
 * the u64 arithmetic of the new totals) without changing the store; {@link Prepared#apply()} then
 * only writes precomputed values. Dropping the instance rolls back, so a {@link ContractException}
 * (or any other exception) anywhere before {@code apply} leaves the ledger untouched.
 */
final class Tx {
    private final ObjectStore store;
    private final TxContext ctx;
    private final ChainContext chain;
    /** Written objects in first-touch order; a null value means deleted or wrapped. */
    private final LinkedHashMap<SuiAddress, ObjectEntry> writes = new LinkedHashMap<>();
    /** Private copies of committed objects read (not yet written) by this transaction. */
    private final Map<SuiAddress, ObjectEntry> readCopies = new HashMap<>();
    private final Set<SuiAddress> wrapped = new HashSet<>();
    /** Committed objects this transaction read or wrote (they determine the lamport version). */
    private final Set<SuiAddress> inputs = new HashSet<>();
    private final TreeMap<SuiAddress, Long> balances = new TreeMap<>();
    private final List<EmittedEvent> events = new ArrayList<>();
    private long creations;
    private long minted;
    private long burned;

    Tx(ObjectStore store, TxContext ctx, ChainContext chain) {
        this.store = store;
        this.ctx = ctx;
        this.chain = chain;
    }

    SuiAddress sender() {
        return ctx.sender();
    }

    long now() {
        return ctx.timestampMs();
    }

    ChainContext chain() {
        return chain;
    }

    Events events() {
        return chain.events();
    }

    // ------------------------------------------------------------------ objects

    private ObjectEntry current(SuiAddress id) {
        if (writes.containsKey(id)) {
            return writes.get(id);
        }
        ObjectEntry copy = readCopies.get(id);
        if (copy != null) {
            return copy;
        }
        ObjectEntry e = store.get(id);
        if (e == null) {
            return null;
        }
        inputs.add(id);
        // The committed value never leaves the store: an operation that changed a value it only
        // read could otherwise change the ledger outside of commit (and before its checks passed).
        copy = e.withValue(e.value().copy());
        readCopies.put(id, copy);
        return copy;
    }

    /** The object if it exists with the given type (for reading: changes to it are not written, use {@link #modify}). */
    <T extends MoveObject> Optional<T> find(SuiAddress id, Class<T> type) {
        ObjectEntry e = current(id);
        if (e == null) {
            return Optional.empty();
        }
        if (!type.isInstance(e.value())) {
            throw new ContractException(AbortReason.EWrongObjectType,
                    "object " + id + " is a " + e.value().type(chain.types()) + ", not a " + type.getSimpleName());
        }
        return Optional.of(type.cast(e.value()));
    }

    /** The object (for reading only); {@code EObjectNotFound} if it does not exist. */
    <T extends MoveObject> T read(SuiAddress id, Class<T> type) {
        return find(id, type).orElseThrow(() -> new ContractException(AbortReason.EObjectNotFound,
                type.getSimpleName() + " " + id + " does not exist"));
    }

    /** Like {@link #read} and the sender must own the object ({@code ENotOwner}). */
    <T extends MoveObject> T readOwned(SuiAddress id, Class<T> type) {
        T value = read(id, type);
        Owner owner = current(id).owner();
        if (!(owner instanceof Owner.AddressOwner a) || !a.address().equals(ctx.sender())) {
            throw new ContractException(AbortReason.ENotOwner,
                    type.getSimpleName() + " " + id + " is not owned by the sender " + ctx.sender() + " but " + owner);
        }
        return value;
    }

    /** The transaction's private copy of a mutable object, marked as mutated. */
    <T extends MoveObject> T modify(SuiAddress id, Class<T> type) {
        T value = read(id, type);
        if (!writes.containsKey(id)) {
            writes.put(id, current(id)); // the transaction's private copy becomes the written value
        }
        return value;
    }

    /** Replaces an existing object's value (immutable values), keeping its owner; marks it mutated. */
    void replace(MoveObject value) {
        ObjectEntry e = current(value.id());
        if (e == null) {
            throw new ContractException(AbortReason.EObjectNotFound, "object " + value.id() + " does not exist");
        }
        writes.put(value.id(), e.withValue(value));
    }

    /** Adds a new object (or one coming out of a wrapper). */
    void create(MoveObject value, Owner owner) {
        if (current(value.id()) != null) {
            // only possible when a transaction digest is reused: ids derive from it
            throw new ContractException(AbortReason.EInvalidArgument,
                    "object " + value.id() + " already exists (transaction digest reused?)");
        }
        writes.put(value.id(), new ObjectEntry(value, owner, 0));
    }

    void delete(SuiAddress id) {
        if (current(id) == null) {
            throw new ContractException(AbortReason.EObjectNotFound, "object " + id + " does not exist");
        }
        writes.put(id, null);
    }

    /** Removes the object from the top level because it now lives inside another object. */
    void wrap(SuiAddress id) {
        delete(id);
        wrapped.add(id);
    }

    /** {@code object::new(ctx)}: the next id derived from the transaction digest. */
    SuiAddress newId() {
        return ObjectIds.derive(ctx.txDigest(), creations++);
    }

    // ------------------------------------------------------------------ system and staking state

    /** {@code &System}: the system's inner state for reading. */
    SystemInner system() {
        read(chain.systemId(), RootObject.class);
        return (SystemInner) read(chain.systemInnerId(), DynamicFieldObject.class).value();
    }

    /** {@code &mut System}: the system's inner state for writing (both objects are mutated). */
    SystemInner systemMut() {
        modify(chain.systemId(), RootObject.class);
        return (SystemInner) modify(chain.systemInnerId(), DynamicFieldObject.class).value();
    }

    /** {@code &Staking}: the staking inner state for reading. */
    StakingInner staking() {
        read(chain.stakingId(), RootObject.class);
        return (StakingInner) read(chain.stakingInnerId(), DynamicFieldObject.class).value();
    }

    /** {@code &mut Staking}: the staking inner state for writing (both objects are mutated). */
    StakingInner stakingMut() {
        modify(chain.stakingId(), RootObject.class);
        return (StakingInner) modify(chain.stakingInnerId(), DynamicFieldObject.class).value();
    }

    // ------------------------------------------------------------------ WAL

    long balance(SuiAddress address) {
        Long b = balances.get(address);
        return b != null ? b : store.balance(address);
    }

    /** Takes {@code amount} FROST from {@code address} ({@code EInsufficientFunds}). */
    void debit(SuiAddress address, long amount) {
        long b = balance(address);
        if (U64.compare(b, amount) < 0) {
            throw new ContractException(AbortReason.EInsufficientFunds, address + " has " + Long.toUnsignedString(b)
                    + " FROST, needs " + Long.toUnsignedString(amount));
        }
        balances.put(address, b - amount);
    }

    void credit(SuiAddress address, long amount) {
        balances.put(address, U64.add(balance(address), amount));
    }

    void mint(SuiAddress address, long amount) {
        credit(address, amount);
        minted = U64.add(minted, amount);
    }

    void burn(long amount) {
        burned = U64.add(burned, amount);
    }

    // ------------------------------------------------------------------ events and commit

    void emit(EmittedEvent event) {
        events.add(event);
    }

    /** Applies the transaction to the store and returns its receipt ({@link #prepare()} then apply). */
    Receipt commit() {
        Prepared prepared = prepare();
        prepared.apply();
        return prepared.receipt();
    }

    /**
     * Computes every effect of the transaction against the unchanged store: object versions and
     * renderings, balances and the new mint/burn totals. Anything that can fail (a value without a
     * BCS encoding, a u64 overflow of the totals) fails here, before the store is touched.
     */
    Prepared prepare() {
        long lamport = 1;
        for (SuiAddress id : inputs) {
            ObjectEntry base = store.get(id);
            if (base != null) {
                lamport = Math.max(lamport, base.version() + 1);
            }
        }
        List<ObjectChange> changes = new ArrayList<>();
        List<ObjectEntry> puts = new ArrayList<>();
        List<SuiAddress> removals = new ArrayList<>();
        for (Map.Entry<SuiAddress, ObjectEntry> w : writes.entrySet()) {
            ObjectEntry base = store.get(w.getKey());
            if (w.getValue() == null) {
                if (base == null) {
                    continue;
                }
                LedgerObject last = store.render(base.withVersion(lamport));
                changes.add(wrapped.contains(w.getKey()) ? new ObjectChange.Wrapped(last) : new ObjectChange.Deleted(last));
                removals.add(w.getKey());
            } else {
                ObjectEntry next = w.getValue().withVersion(lamport);
                LedgerObject rendered = store.render(next);
                changes.add(base == null ? new ObjectChange.Created(rendered) : new ObjectChange.Mutated(rendered));
                puts.add(next);
            }
        }
        long totalMinted = U64.add(store.totalMinted(), minted);
        long totalBurned = U64.add(store.totalBurned(), burned);
        return new Prepared(store, store.modifications(), new Receipt(changes, events), puts, removals,
                new TreeMap<>(balances), totalMinted, totalBurned, epochAfter());
    }

    /** The current epoch as this transaction leaves it. */
    private long epochAfter() {
        SuiAddress id = chain.systemInnerId();
        ObjectEntry e = writes.containsKey(id) ? writes.get(id) : store.get(id);
        return e == null ? 0 : ((SystemInner) ((DynamicFieldObject) e.value()).value()).epoch();
    }

    /**
     * A transaction whose effects are computed and checked but not yet applied. {@link #apply()}
     * writes precomputed values only (it cannot fail half-way) and refuses if the store changed
     * since {@link Tx#prepare()}.
     */
    static final class Prepared {
        private final ObjectStore store;
        private final long baseModifications;
        private final Receipt receipt;
        private final List<ObjectEntry> puts;
        private final List<SuiAddress> removals;
        private final Map<SuiAddress, Long> balances;
        private final long totalMinted;
        private final long totalBurned;
        private final long epochAfter;

        private Prepared(ObjectStore store, long baseModifications, Receipt receipt, List<ObjectEntry> puts,
                List<SuiAddress> removals, Map<SuiAddress, Long> balances, long totalMinted, long totalBurned,
                long epochAfter) {
            this.store = store;
            this.baseModifications = baseModifications;
            this.receipt = receipt;
            this.puts = puts;
            this.removals = removals;
            this.balances = balances;
            this.totalMinted = totalMinted;
            this.totalBurned = totalBurned;
            this.epochAfter = epochAfter;
        }

        Receipt receipt() {
            return receipt;
        }

        long epochAfter() {
            return epochAfter;
        }

        void apply() {
            if (store.modifications() != baseModifications) {
                throw new IllegalStateException("the ledger changed since the transaction was prepared");
            }
            removals.forEach(store::remove);
            puts.forEach(store::put);
            balances.forEach(store::setBalance);
            store.setTotals(totalMinted, totalBurned);
        }
    }
}
