package io.walrusj.devnet.ledger;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetTransaction;
import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiSignature;
import io.walrusj.core.hash.Blake2b256;
import io.walrusj.devnet.config.DevnetProperties;
import io.walrusj.devnet.config.GenesisFactory;
import io.walrusj.devnet.contract.ContractException;
import io.walrusj.devnet.contract.Genesis;
import io.walrusj.devnet.contract.PreparedTransaction;
import io.walrusj.devnet.contract.Receipt;
import io.walrusj.devnet.contract.TxContext;
import io.walrusj.devnet.contract.WalrusSystem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * The chain: the contract state machine plus its durable log. Transactions are executed one at a
 * time (a lock serialises them); an accepted one is persisted with all its effects in one database
 * transaction before it is acknowledged. On start the stored genesis is loaded (or created from the
 * settings) and every stored transaction is replayed, which rebuilds exactly the state that was
 * acknowledged. A transaction changes the state in memory only after it is persisted (it is
 * prepared, i.e. executed and checked without effect, then stored, then applied), so a rejection or
 * a database failure leaves memory and database equal.
 */
@Service
public class Ledger {
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final LedgerStore store;
    private final GenesisStore genesisStore;
    private final DevnetProperties properties;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Consumer<CommittedTransaction>> commitListeners = new CopyOnWriteArrayList<>();

    private volatile Genesis genesis;
    private volatile WalrusSystem system;
    private volatile ReceiptMapper receipts;
    private volatile Checkpoint last;

    public Ledger(LedgerStore store, GenesisStore genesisStore, DevnetProperties properties, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.genesisStore = genesisStore;
        this.properties = properties;
        this.mapper = mapper;
        this.clock = clock;
        open();
    }

    /** The result of an accepted transaction. */
    public record Executed(StoredTransaction transaction, Checkpoint checkpoint, CommittedTransaction committed, Receipt receipt) {}

    /** Verifies, executes and persists a signed user transaction. */
    public Executed submit(byte[] txBytes, SuiSignature signature) {
        DevnetTransaction tx;
        try {
            tx = DevnetTransaction.fromBytes(txBytes);
        } catch (BcsException | IllegalArgumentException e) {
            throw new TransactionRejectedException("MALFORMED", "malformed transaction: " + e.getMessage());
        }
        if (tx.sender().equals(DevnetTransaction.SYSTEM)) {
            throw new TransactionRejectedException("INVALID_SENDER", "the system address cannot send transactions");
        }
        try {
            if (!signature.signer().equals(tx.sender()) || !signature.verifiesTransaction(txBytes)) {
                throw new TransactionRejectedException("INVALID_SIGNATURE", "the signature is not the sender's signature of these bytes");
            }
        } catch (CryptoException e) {
            throw new TransactionRejectedException("INVALID_SIGNATURE", "invalid signature: " + e.getMessage());
        }
        return execute(txBytes, tx, signature.toBase64());
    }

    /** Executes a system call (epoch changes) under the system address; not signed. */
    public Executed submitSystem(Call call) {
        lock.lock();
        try {
            long nonce = last.sequenceNumber() + 1;
            DevnetTransaction tx = new DevnetTransaction(DevnetTransaction.SYSTEM, nonce, call);
            return execute(tx.toBytes(), tx, null);
        } finally {
            lock.unlock();
        }
    }

    private Executed execute(byte[] txBytes, DevnetTransaction tx, String signature) {
        lock.lock();
        try {
            byte[] digest = DevnetTransaction.digest(txBytes);
            if (store.transactionSequence(digest).isPresent()) {
                throw new TransactionRejectedException("DUPLICATE", "transaction already executed (same digest)");
            }
            long timestamp = Math.max(clock.millis(), last.timestampMs());
            PreparedTransaction prepared;
            try {
                prepared = system.prepare(new TxContext(tx.sender(), digest, timestamp), tx.call());
            } catch (ContractException e) {
                throw new TransactionRejectedException(e.reason().name(), e.getMessage());
            }
            // Nothing has changed yet: the state in memory changes only once the database has the transaction.
            Receipt receipt = prepared.receipt();
            long sequence = last.sequenceNumber() + 1;
            Checkpoint checkpoint = new Checkpoint(sequence, ReceiptMapper.checkpointDigest(sequence, last.digest(), digest, timestamp),
                    last.digest(), timestamp, prepared.epochAfter());
            StoredTransaction stored = new StoredTransaction(sequence, digest, sequence, tx.sender(), txBytes, signature, timestamp);
            CommittedTransaction committed = receipts.map(stored, tx.call().module(), checkpoint, receipt);
            try {
                store.append(committed);
            } catch (RuntimeException e) {
                // The database transaction rolled back, or (a failed commit acknowledgement) may have
                // committed: the log decides. Rebuild from it if the database answers; otherwise the
                // state in memory is still the one before this transaction.
                log.error("persisting transaction {} failed; rebuilding state from the log", sequence, e);
                try {
                    open();
                } catch (RuntimeException reopen) {
                    e.addSuppressed(reopen);
                    log.error("rebuilding from the log failed too; keeping the state before transaction {}", sequence);
                }
                throw e;
            }
            prepared.commit();
            last = checkpoint;
            for (Consumer<CommittedTransaction> listener : commitListeners) {
                try {
                    listener.accept(committed);
                } catch (RuntimeException e) {
                    log.error("commit listener failed on checkpoint {}", sequence, e);
                }
            }
            return new Executed(stored, checkpoint, committed, receipt);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Loads or creates the genesis and replays the log into a new state, which replaces the current
     * one only once the whole log has replayed (a failure leaves the running state as it was).
     */
    private void open() {
        GenesisStore.StoredGenesis stored = genesisStore.load().orElseGet(() -> {
            GenesisStore.StoredGenesis created = new GenesisStore.StoredGenesis(
                    mapper.writeValueAsString(properties.genesis()), clock.millis());
            genesisStore.save(created);
            return created;
        });
        Genesis loaded = GenesisFactory.create(mapper.readValue(stored.configJson(), DevnetProperties.Genesis.class), stored.createdMs());
        WalrusSystem replayed = WalrusSystem.genesis(loaded);
        ReceiptMapper mapper = new ReceiptMapper(this.mapper, loaded.packageId());
        if (store.latestCheckpoint().isEmpty()) {
            byte[] digest = Blake2b256.hash(("walrusj-devnet-genesis:" + stored.configJson()).getBytes(StandardCharsets.UTF_8));
            Checkpoint zero = new Checkpoint(0, ReceiptMapper.checkpointDigest(0, null, digest, stored.createdMs()), null,
                    stored.createdMs(), replayed.currentEpoch());
            StoredTransaction tx = new StoredTransaction(0, digest, 0, DevnetTransaction.SYSTEM,
                    stored.configJson().getBytes(StandardCharsets.UTF_8), null, stored.createdMs());
            store.append(mapper.map(tx, "genesis", zero, replayed.genesisReceipt()));
        }
        int[] count = {0};
        store.forEachTransaction(tx -> {
            if (tx.sequence() == 0) {
                return;
            }
            DevnetTransaction decoded = DevnetTransaction.fromBytes(tx.txBytes());
            try {
                replayed.execute(new TxContext(tx.sender(), tx.digest(), tx.timestampMs()), decoded.call());
            } catch (ContractException e) {
                throw new IllegalStateException("stored transaction " + tx.sequence() + " is rejected on replay ("
                        + e.getMessage() + "); the log was written under other rules: start a new chain (delete "
                        + "the data directory)", e);
            }
            count[0]++;
        });
        Checkpoint latest = store.latestCheckpoint().orElseThrow();
        genesis = loaded;
        system = replayed;
        receipts = mapper;
        last = latest;
        log.info("devnet ready: {} transactions replayed, checkpoint {}, epoch {}", count[0], last.sequenceNumber(),
                system.currentEpoch());
    }

    /**
     * Calls {@code listener} with every transaction committed from now on, in commit order, under the
     * ledger's lock (so it must not block: hand the work off). The checkpoint is durable when it is called.
     */
    public void addCommitListener(Consumer<CommittedTransaction> listener) {
        commitListeners.add(listener);
    }

    public void removeCommitListener(Consumer<CommittedTransaction> listener) {
        commitListeners.remove(listener);
    }

    /** The latest committed checkpoint. */
    public Checkpoint lastCheckpoint() {
        return last;
    }

    /** Blake2b-256 over the whole state in memory (objects, balances, mint/burn totals). */
    public byte[] stateDigest() {
        lock.lock();
        try {
            return system.stateDigest();
        } finally {
            lock.unlock();
        }
    }

    public WalrusSystem system() {
        return system;
    }

    public Genesis genesis() {
        return genesis;
    }

    /** Whether the current epoch has run its full duration (the epoch clock then advances it). */
    public boolean epochChangeDue() {
        lock.lock();
        try {
            return system.committee() != null && !system.committee().members().isEmpty() && clock.millis() >= nextEpochStartMs();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the first committee should be formed now: no committee yet and at least
     * {@code minCandidates} staked candidates ({@code devnet.first-committee-candidates}; 0 = never).
     */
    public boolean firstCommitteeDue(int minCandidates) {
        lock.lock();
        try {
            boolean noCommittee = system.committee() == null || system.committee().members().isEmpty();
            return minCandidates > 0 && noCommittee && system.activeCandidateCount() >= minCandidates;
        } finally {
            lock.unlock();
        }
    }

    private long nextEpochStartMs() {
        long epoch = system.currentEpoch();
        return genesis.firstEpochStartMs() + epoch * genesis.epochDurationMs();
    }
}
