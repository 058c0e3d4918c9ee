package io.walrusj.devnet.contract;

import java.util.Objects;

/**
 * How a transaction changed one object, as Sui's {@code objectChanges}: created (also an object
 * that comes back out of a wrapper, e.g. the {@code Storage} returned by {@code delete_blob}),
 * mutated, deleted, or wrapped into another object (the {@code Storage} that
 * {@code register_blob} puts inside the {@code Blob}). Every change carries the object at the
 * transaction's version; for deleted and wrapped objects that is their last content.
 */
public sealed interface ObjectChange {

    LedgerObject object();

    record Created(LedgerObject object) implements ObjectChange {
        public Created {
            Objects.requireNonNull(object, "object");
        }
    }

    record Mutated(LedgerObject object) implements ObjectChange {
        public Mutated {
            Objects.requireNonNull(object, "object");
        }
    }

    record Deleted(LedgerObject object) implements ObjectChange {
        public Deleted {
            Objects.requireNonNull(object, "object");
        }
    }

    record Wrapped(LedgerObject object) implements ObjectChange {
        public Wrapped {
            Objects.requireNonNull(object, "object");
        }
    }
}
