package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/** Who owns a ledger object, as Sui's {@code Owner} enum. */
public sealed interface Owner {

    /** Owned by an account (Storage, Blob, StakedWal, StorageNodeCap). */
    record AddressOwner(SuiAddress address) implements Owner {
        public AddressOwner {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * Owned by another object: dynamic-field objects (the System and Staking inner states, blob
     * attributes) are owned by their parent, staking pools by the pools table of the staking state.
     */
    record ObjectOwner(SuiAddress parent) implements Owner {
        public ObjectOwner {
            Objects.requireNonNull(parent, "parent");
        }
    }

    /** A shared object (System, Staking) with the version it was shared at. */
    record Shared(long initialSharedVersion) implements Owner {}

    /** Frozen; nothing in the devnet contract is immutable today, kept for completeness. */
    record Immutable() implements Owner {}
}
