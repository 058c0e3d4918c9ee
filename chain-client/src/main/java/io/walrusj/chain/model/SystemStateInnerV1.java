package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import java.util.Objects;

/**
 * The leading fields of Move {@code system_state_inner::SystemStateInnerV1}
 * ({@code docs/spec/walrus-chain.md} 2.1): {@code committee: BlsCommittee, total_capacity_size: u64,
 * used_capacity_size: u64, storage_price_per_unit_size: u64, write_price_per_unit_size: u64}.
 *
 * <p><b>Prefix only:</b> the remaining fields ({@code future_accounting},
 * {@code event_blob_certification_state}, {@code deny_list_sizes}) are not needed to learn the
 * current epoch, committee, capacity and prices, and are skipped by {@link #readPrefix}.
 *
 * <p>{@link #currentEpoch()} is {@code committee.epoch}.
 */
public record SystemStateInnerV1(
        BlsCommittee committee,
        long totalCapacitySize,
        long usedCapacitySize,
        long storagePricePerUnitSize,
        long writePricePerUnitSize) {

    public SystemStateInnerV1 {
        Objects.requireNonNull(committee, "committee");
    }

    /** Reads the fields above and leaves the reader after {@code write_price_per_unit_size}. */
    public static SystemStateInnerV1 readPrefix(BcsReader r) {
        return new SystemStateInnerV1(BlsCommittee.read(r), r.u64(), r.u64(), r.u64(), r.u64());
    }

    /**
     * Decodes the BCS of the dynamic field object
     * {@code Field<u64, SystemStateInnerV1>} stored under {@code version} in the {@code System}
     * object (the rest of the inner state after the prefix is ignored).
     */
    public static SystemStateInnerV1 fromFieldBcs(byte[] fieldBcs, long version) {
        return MoveObjects.decodeU64Field("SystemStateInnerV1 field", fieldBcs, version,
                SystemStateInnerV1::readPrefix, false);
    }

    /** Writes the prefix (tests and the devnet append the remaining fields themselves). */
    public void writePrefix(BcsWriter w) {
        committee.writeBcs(w);
        w.u64(totalCapacitySize).u64(usedCapacitySize).u64(storagePricePerUnitSize).u64(writePricePerUnitSize);
    }

    /** The current Walrus epoch ({@code committee.epoch}). */
    public long currentEpoch() {
        return committee.epoch();
    }
}
