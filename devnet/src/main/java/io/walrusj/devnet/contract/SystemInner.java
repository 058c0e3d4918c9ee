package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.List;
import java.util.Map;

/**
 * Move {@code system_state_inner::SystemStateInnerV1}: the committee (whose epoch is the current
 * epoch), capacity, prices and the future accounting. The event-blob certification state is always
 * empty (event blobs are not modelled) and the deny-list sizes map (an {@code ExtendedField}) is
 * always empty. Mutable; {@link #copy()} is deep.
 */
final class SystemInner implements MoveValue {
    BlsCommitteeState committee;
    long totalCapacitySize;
    long usedCapacitySize;
    long storagePricePerUnitSize;
    long writePricePerUnitSize;
    final AccountingRing futureAccounting;
    final SuiAddress denyListSizesId;

    SystemInner(BlsCommitteeState committee, long totalCapacitySize, long usedCapacitySize,
            long storagePricePerUnitSize, long writePricePerUnitSize, AccountingRing futureAccounting,
            SuiAddress denyListSizesId) {
        this.committee = committee;
        this.totalCapacitySize = totalCapacitySize;
        this.usedCapacitySize = usedCapacitySize;
        this.storagePricePerUnitSize = storagePricePerUnitSize;
        this.writePricePerUnitSize = writePricePerUnitSize;
        this.futureAccounting = futureAccounting;
        this.denyListSizesId = denyListSizesId;
    }

    /** The current epoch ({@code committee.epoch}). */
    long epoch() {
        return committee.epoch();
    }

    int nShards() {
        return committee.nShards();
    }

    @Override
    public String type(TypeNames types) {
        return types.walrus("system_state_inner", "SystemStateInnerV1");
    }

    @Override
    public void writeBcs(BcsWriter w) {
        committee.writeBcs(w);
        w.u64(totalCapacitySize).u64(usedCapacitySize).u64(storagePricePerUnitSize).u64(writePricePerUnitSize);
        futureAccounting.writeBcs(w);
        // EventBlobCertificationState { latest_certified_blob: None, aggregate_weight_per_blob: empty VecMap }
        w.u8(0).uleb128(0);
        // deny_list_sizes: ExtendedField { id: UID }
        w.fixedBytes(denyListSizesId.bytes());
    }

    @Override
    public Map<String, Object> json() {
        Map<String, Object> eventBlobs = Json.obj().put("latest_certified_blob", null)
                .put("aggregate_weight_per_blob", Json.vecMap(List.of())).build();
        return Json.obj().put("committee", committee.json())
                .put("total_capacity_size", Json.u64(totalCapacitySize))
                .put("used_capacity_size", Json.u64(usedCapacitySize))
                .put("storage_price_per_unit_size", Json.u64(storagePricePerUnitSize))
                .put("write_price_per_unit_size", Json.u64(writePricePerUnitSize))
                .put("future_accounting", futureAccounting.json())
                .put("event_blob_certification_state", eventBlobs)
                .put("deny_list_sizes", Json.obj().put("id", Json.uid(denyListSizesId)).build())
                .build();
    }

    @Override
    public SystemInner copy() {
        return new SystemInner(committee, totalCapacitySize, usedCapacitySize, storagePricePerUnitSize,
                writePricePerUnitSize, futureAccounting.copy(), denyListSizesId);
    }
}
