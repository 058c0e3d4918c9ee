package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Map;

/** Move {@code staked_wal::StakedWal} in state {@code Staked} (withdrawals are not modelled). */
record StakedWal(SuiAddress id, SuiAddress nodeId, long principal, long activationEpoch) implements MoveObject {

    @Override
    public String type(TypeNames types) {
        return types.walrus("staked_wal", "StakedWal");
    }

    @Override
    public void writeBcs(BcsWriter w) {
        w.fixedBytes(id.bytes()).variant(0).fixedBytes(nodeId.bytes()).u64(principal).u32(activationEpoch);
    }

    @Override
    public Map<String, Object> json() {
        return Json.obj().put("id", Json.uid(id)).put("state", Json.variant("Staked", Map.of()))
                .put("node_id", Json.id(nodeId)).put("principal", Json.balance(principal))
                .put("activation_epoch", activationEpoch).build();
    }

    @Override
    public StakedWal copy() {
        return this;
    }
}
