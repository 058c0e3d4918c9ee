package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The outer shape shared by the Walrus {@code system::System} and {@code staking::Staking}
 * objects ({@code docs/spec/walrus-chain.md} 2.1-2.2): {@code id: UID, version: u64, package_id: ID,
 * new_package_id: Option<ID>}. The versioned inner state ({@link SystemStateInnerV1},
 * {@link StakingInnerV1}) lives in a dynamic field of this object whose name is the u64
 * {@link #version()}.
 */
public record WalrusSharedObject(SuiAddress id, long version, SuiAddress packageId, Optional<SuiAddress> newPackageId) {

    public WalrusSharedObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(newPackageId, "newPackageId");
    }

    public static WalrusSharedObject read(BcsReader r) {
        return new WalrusSharedObject(SuiAddress.read(r), r.u64(), SuiAddress.read(r), r.option(SuiAddress::read));
    }

    /** Decodes a whole {@code System} or {@code Staking} object. */
    public static WalrusSharedObject fromBcs(String what, byte[] bcs) {
        return MoveObjects.decode(what, bcs, WalrusSharedObject::read);
    }

    public void writeBcs(BcsWriter w) {
        id.writeBcs(w);
        w.u64(version);
        packageId.writeBcs(w);
        w.option(newPackageId.orElse(null), (ww, p) -> p.writeBcs(ww));
    }
}
