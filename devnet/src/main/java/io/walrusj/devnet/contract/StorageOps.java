package io.walrusj.devnet.contract;

import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.EncodingException;

/**
 * Storage reservation and payment ({@code system_state_inner::reserve_space},
 * {@code process_storage_payments}, {@code reserve_space_without_payment}) and the pricing units
 * (docs/spec/walrus-chain.md 5).
 */
final class StorageOps {
    /** {@code BYTES_PER_UNIT_SIZE}: 1 MiB. */
    static final long BYTES_PER_UNIT = 1L << 20;
    /** The only supported encoding type (RS2). */
    static final int RS2 = 1;

    private StorageOps() {}

    /** {@code storage_units_from_size}: {@code ceil(size / 1 MiB)}. */
    static long units(long size) {
        return U64.divCeil(size, BYTES_PER_UNIT);
    }

    /** {@code encoding::encoded_blob_length} for {@code nShards}: only encoding type 1; n = 0 is an arithmetic error. */
    static long encodedLength(long size, int encodingType, int nShards) {
        ContractException.check(encodingType == RS2, AbortReason.EInvalidEncodingType,
                "encoding type " + encodingType + " is not supported (only 1 = RS2)");
        if (nShards < 4) {
            // Move computes n - 2f etc. on u16; with no committee (n = 0) that underflows.
            throw new ContractException(AbortReason.EArithmeticError, "no encoding for " + nShards + " shards");
        }
        try {
            return new EncodingConfig(nShards).encodedLength(size);
        } catch (EncodingException e) {
            // Move's u16 symbol-size cast aborts exactly when the blob exceeds the maximum size.
            throw new ContractException(AbortReason.EArithmeticError, e.getMessage());
        }
    }

    /** {@code reserve_space}: a Storage for {@code [current, current + epochsAhead)}, paid by the sender. */
    static StorageResource reserveSpace(Tx tx, long size, long epochsAhead) {
        SystemInner system = tx.systemMut();
        U64.requireU32(epochsAhead, "epochs_ahead");
        ContractException.check(epochsAhead > 0, AbortReason.EInvalidEpochsAhead, "epochs_ahead must be > 0");
        ContractException.check(epochsAhead <= system.futureAccounting.maxEpochsAhead(),
                AbortReason.EInvalidEpochsAhead, "epochs_ahead " + epochsAhead + " exceeds the maximum of "
                        + system.futureAccounting.maxEpochsAhead());
        long start = system.epoch();
        long end = U64.addU32(start, epochsAhead);
        // reserve_space_for_epochs with start == current: offsets [0, epochs_ahead)
        payStorage(tx, system, size, 0, end - start);
        return reserveWithoutPayment(tx, system, size, 0, end - start);
    }

    /**
     * {@code process_storage_payments}: {@code storage price * units(size)} from the sender into the
     * reward bucket of each epoch offset in {@code [startOffset, endOffset)}.
     */
    static void payStorage(Tx tx, SystemInner system, long size, long startOffset, long endOffset) {
        long perEpoch = U64.mul(system.storagePricePerUnitSize, units(size));
        for (long i = startOffset; i < endOffset; i++) {
            tx.debit(tx.sender(), perEpoch);
            AccountingRing.Entry e = system.futureAccounting.lookup(i);
            e.rewards = U64.add(e.rewards, perEpoch);
        }
    }

    /** {@code reserve_space_without_payment} with the capacity check. */
    private static StorageResource reserveWithoutPayment(Tx tx, SystemInner system, long size, long startOffset,
            long endOffset) {
        ContractException.check(endOffset - startOffset > 0, AbortReason.EInvalidEpochsAhead, "empty epoch range");
        ContractException.check(endOffset <= system.futureAccounting.maxEpochsAhead(), AbortReason.EInvalidEpochsAhead,
                "range exceeds the maximum epochs ahead");
        ContractException.check(size != 0, AbortReason.EInvalidResourceSize, "storage size must be > 0");
        for (long i = startOffset; i < endOffset; i++) {
            AccountingRing.Entry e = system.futureAccounting.lookup(i);
            e.usedCapacity = U64.add(e.usedCapacity, size);
            if (i == 0) {
                system.usedCapacitySize = e.usedCapacity;
            }
            if (U64.compare(e.usedCapacity, system.totalCapacitySize) > 0) {
                throw new ContractException(AbortReason.EStorageExceeded, "epoch " + U64.addU32(system.epoch(), i)
                        + " would use " + Long.toUnsignedString(e.usedCapacity) + " of "
                        + Long.toUnsignedString(system.totalCapacitySize) + " bytes");
            }
        }
        long current = system.epoch();
        StorageResource storage = new StorageResource(tx.newId(), current + startOffset, current + endOffset, size);
        tx.create(storage, new Owner.AddressOwner(tx.sender()));
        return storage;
    }
}
