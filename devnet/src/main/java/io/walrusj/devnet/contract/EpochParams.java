package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import java.util.Map;

/**
 * Move {@code epoch_parameters::EpochParams}: the capacity chosen at {@code voting_end} for the
 * next epoch; the two prices are u64::MAX placeholders at HEAD (prices apply immediately).
 */
record EpochParams(long totalCapacitySize, long storagePricePerUnitSize, long writePricePerUnitSize) {

    void writeBcs(BcsWriter w) {
        w.u64(totalCapacitySize).u64(storagePricePerUnitSize).u64(writePricePerUnitSize);
    }

    Map<String, Object> json() {
        return Json.obj().put("total_capacity_size", Json.u64(totalCapacitySize))
                .put("storage_price_per_unit_size", Json.u64(storagePricePerUnitSize))
                .put("write_price_per_unit_size", Json.u64(writePricePerUnitSize)).build();
    }
}
