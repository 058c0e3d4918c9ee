package io.walrusj.chain.grpc;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/** One entry of a Move package's type origin table: {@code module::datatype} was first defined by {@code packageId}. */
public record TypeOrigin(String module, String datatype, SuiAddress packageId) {
    public TypeOrigin {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(datatype, "datatype");
        Objects.requireNonNull(packageId, "packageId");
    }
}
