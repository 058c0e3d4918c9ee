package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.math.BigInteger;
import java.util.Map;

/**
 * Move {@code storage_node::StorageNodeCap}, owned by the node operator. Event-blob attestations
 * and deny lists are not modelled, so those fields keep their initial values.
 */
record StorageNodeCap(SuiAddress id, SuiAddress nodeId, long lastEpochSyncDone) implements MoveObject {

    StorageNodeCap withLastEpochSyncDone(long epoch) {
        return new StorageNodeCap(id, nodeId, epoch);
    }

    @Override
    public String type(TypeNames types) {
        return types.walrus("storage_node", "StorageNodeCap");
    }

    @Override
    public void writeBcs(BcsWriter w) {
        w.fixedBytes(id.bytes()).fixedBytes(nodeId.bytes()).u32(lastEpochSyncDone);
        w.u8(0); // last_event_blob_attestation: None
        w.u256(new byte[32]).u64(0).u64(0); // deny_list_root, deny_list_sequence, deny_list_size
    }

    @Override
    public Map<String, Object> json() {
        return Json.obj().put("id", Json.uid(id)).put("node_id", Json.id(nodeId))
                .put("last_epoch_sync_done", lastEpochSyncDone).put("last_event_blob_attestation", null)
                .put("deny_list_root", BigInteger.ZERO.toString()).put("deny_list_sequence", "0")
                .put("deny_list_size", "0").build();
    }

    @Override
    public StorageNodeCap copy() {
        return this;
    }
}
