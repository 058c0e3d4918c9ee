package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Map;

/**
 * The shared {@code System} or {@code Staking} object: {@code { id: UID, version: u64, package_id:
 * ID, new_package_id: Option<ID> }}; the state lives in the dynamic field named by {@code version}.
 */
record RootObject(SuiAddress id, String module, String name, long version, SuiAddress packageId)
        implements MoveObject {

    /** The object version of the contract at mirror HEAD ({@code VERSION = 4}). */
    static final long CONTRACT_VERSION = 4;

    static RootObject system(SuiAddress id, SuiAddress packageId) {
        return new RootObject(id, "system", "System", CONTRACT_VERSION, packageId);
    }

    static RootObject staking(SuiAddress id, SuiAddress packageId) {
        return new RootObject(id, "staking", "Staking", CONTRACT_VERSION, packageId);
    }

    @Override
    public String type(TypeNames types) {
        return types.walrus(module, name);
    }

    @Override
    public void writeBcs(BcsWriter w) {
        w.fixedBytes(id.bytes()).u64(version).fixedBytes(packageId.bytes()).u8(0);
    }

    @Override
    public Map<String, Object> json() {
        return Json.obj().put("id", Json.uid(id)).put("version", Json.u64(version))
                .put("package_id", Json.id(packageId)).put("new_package_id", null).build();
    }

    @Override
    public RootObject copy() {
        return this;
    }
}
