package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;

/** Move {@code epoch_parameters::EpochParams}: {@code total_capacity_size, storage_price_per_unit_size, write_price_per_unit_size} (all u64). */
public record EpochParams(long totalCapacitySize, long storagePricePerUnitSize, long writePricePerUnitSize) {

    public static EpochParams read(BcsReader r) {
        return new EpochParams(r.u64(), r.u64(), r.u64());
    }

    public void writeBcs(BcsWriter w) {
        w.u64(totalCapacitySize).u64(storagePricePerUnitSize).u64(writePricePerUnitSize);
    }
}
