package io.walrusj.devnet.contract;

import java.util.Objects;

/**
 * A transaction that passed every check, with its receipt, not yet applied to the ledger
 * ({@link WalrusSystem#prepare}). {@link #commit()} applies it; dropping it leaves the ledger as it
 * was. Only one prepared transaction can be committed per ledger state: committing one whose base
 * changed meanwhile throws {@link IllegalStateException}.
 */
public final class PreparedTransaction {
    private final WalrusSystem system;
    private final Tx.Prepared prepared;
    private boolean committed;

    PreparedTransaction(WalrusSystem system, Tx.Prepared prepared) {
        this.system = Objects.requireNonNull(system, "system");
        this.prepared = Objects.requireNonNull(prepared, "prepared");
    }

    public Receipt receipt() {
        return prepared.receipt();
    }

    /** The current epoch once this transaction is applied. */
    public long epochAfter() {
        return prepared.epochAfter();
    }

    /** Applies the transaction (once). */
    public void commit() {
        synchronized (system) {
            if (committed) {
                throw new IllegalStateException("already committed");
            }
            prepared.apply();
            committed = true;
        }
    }
}
