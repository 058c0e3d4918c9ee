package io.walrusj.devnet.contract;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Walrus system contract as a deterministic state machine: a ledger of Move objects (System,
 * Staking, their inner states, staking pools, caps, stakes, storage resources, blobs and their
 * attributes) plus WAL balances, changed only by {@link #execute}. The same genesis and the same
 * sequence of (context, call) pairs yield the same objects, ids, versions, BCS and events.
 *
 * <p>A call either succeeds completely (returning its {@link Receipt}) or throws
 * {@link ContractException} and changes nothing: a transaction runs on private copies of the
 * objects it touches and its effects are computed and checked in full before any is applied
 * ({@link Tx}). Methods are synchronized; returned values are
 * immutable snapshots.
 */
public final class WalrusSystem {
    private final ChainContext chain;
    private final ObjectStore store;
    private final Receipt genesisReceipt;

    private WalrusSystem(Genesis genesis) {
        this.chain = ChainContext.of(genesis);
        this.store = new ObjectStore(chain.types());
        try {
            this.genesisReceipt = GenesisBuilder.build(store, chain);
        } catch (ContractException e) {
            throw new IllegalArgumentException("invalid genesis: " + e.getMessage(), e);
        }
    }

    /**
     * A new chain at genesis. Throws {@link IllegalArgumentException} if the genesis is rejected by
     * the contract rules (e.g. a node name longer than 100 bytes).
     */
    public static WalrusSystem genesis(Genesis genesis) {
        return new WalrusSystem(Objects.requireNonNull(genesis, "genesis"));
    }

    /** Executes one transaction atomically: {@link #prepare} and {@link PreparedTransaction#commit()}. */
    public synchronized Receipt execute(TxContext ctx, Call call) {
        PreparedTransaction prepared = prepare(ctx, call);
        prepared.commit();
        return prepared.receipt();
    }

    /**
     * Runs one transaction and every check of it without changing the ledger: the result holds its
     * receipt and applies it on {@link PreparedTransaction#commit()} (which only writes precomputed
     * values). The ledger persists a transaction between the two, so memory changes only after the
     * database has it. Throws {@link ContractException} for a rejected call.
     */
    public synchronized PreparedTransaction prepare(TxContext ctx, Call call) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(call, "call");
        Tx tx = new Tx(store, ctx, chain);
        try {
            CallExecutor.execute(tx, call);
            return new PreparedTransaction(this, tx.prepare());
        } catch (IllegalArgumentException e) {
            // A value with no BCS encoding (e.g. a string with an unpaired surrogate); prepare renders
            // every object before anything is applied, so the ledger is untouched.
            throw new ContractException(AbortReason.EInvalidArgument, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ objects

    public synchronized Optional<LedgerObject> object(SuiAddress id) {
        ObjectEntry e = store.get(id);
        return e == null ? Optional.empty() : Optional.of(store.render(e));
    }

    /** Objects owned by the account {@code owner}, by id. */
    public synchronized List<LedgerObject> objectsOwnedBy(SuiAddress owner) {
        return store.ownedBy(owner, Owner.AddressOwner.class);
    }

    /** Objects owned by the object {@code parent}: its dynamic fields (and, for the pools table, the pools). */
    public synchronized List<LedgerObject> childObjects(SuiAddress parent) {
        return store.ownedBy(parent, Owner.ObjectOwner.class);
    }

    /** The genesis transaction's receipt: every object created at genesis and its events. */
    public Receipt genesisReceipt() {
        return genesisReceipt;
    }

    public Genesis genesis() {
        return chain.genesis();
    }

    public SuiAddress systemObjectId() {
        return chain.systemId();
    }

    public SuiAddress stakingObjectId() {
        return chain.stakingId();
    }

    /** The id of {@code Field<u64, SystemStateInnerV1>} under the System object. */
    public SuiAddress systemStateFieldId() {
        return chain.systemInnerId();
    }

    /** The id of {@code Field<u64, StakingInnerV1>} under the Staking object. */
    public SuiAddress stakingStateFieldId() {
        return chain.stakingInnerId();
    }

    // ------------------------------------------------------------------ system state

    public synchronized long currentEpoch() {
        return systemInner().epoch();
    }

    public synchronized EpochState epochState() {
        return stakingInner().epochState;
    }

    public synchronized Prices prices() {
        SystemInner s = systemInner();
        return new Prices(s.storagePricePerUnitSize, s.writePricePerUnitSize);
    }

    public synchronized Capacity capacity() {
        SystemInner s = systemInner();
        return new Capacity(s.totalCapacitySize, s.usedCapacitySize);
    }

    /** Staked candidates in the active set (the nodes the next committee selection would consider). */
    public synchronized int activeCandidateCount() {
        return stakingInner().activeSet.nodes().size();
    }

    public synchronized CommitteeView committee() {
        SystemInner s = systemInner();
        StakingInner staking = stakingInner();
        List<CommitteeMember> members = new ArrayList<>();
        List<BlsCommitteeState.Member> bls = s.committee.members();
        for (int i = 0; i < bls.size(); i++) {
            BlsCommitteeState.Member m = bls.get(i);
            StakingPool pool = (StakingPool) store.get(m.nodeId()).value();
            members.add(new CommitteeMember(i, m.nodeId(), pool.name, pool.networkAddress, m.publicKey(),
                    pool.networkPublicKey, m.weight(), staking.committee.shards(m.nodeId()).orElse(List.of())));
        }
        return new CommitteeView(s.epoch(), s.nShards(), s.committee.verifier(), members);
    }

    /** The WAL balance of {@code address} in FROST. */
    public synchronized long balance(SuiAddress address) {
        return store.balance(address);
    }

    /** All non-zero balances, by address. */
    public synchronized Map<SuiAddress, Long> balances() {
        return store.balances();
    }

    /** FROST minted so far (genesis balances, genesis stakes, faucet). */
    public synchronized long totalMinted() {
        return store.totalMinted();
    }

    /** FROST burned so far (3% of each ended epoch's rewards). */
    public synchronized long totalBurned() {
        return store.totalBurned();
    }

    /** Blake2b-256 over every object, balance and the mint/burn totals: equal ledgers, equal digests. */
    public synchronized byte[] stateDigest() {
        return store.stateDigest();
    }

    private SystemInner systemInner() {
        return (SystemInner) ((DynamicFieldObject) store.get(chain.systemInnerId()).value()).value();
    }

    private StakingInner stakingInner() {
        return (StakingInner) ((DynamicFieldObject) store.get(chain.stakingInnerId()).value()).value();
    }
}
