package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Optional;

/** A Move value with {@code key}: a ledger object with an id. */
interface MoveObject extends MoveValue {

    SuiAddress id();

    @Override
    MoveObject copy();

    /** For dynamic-field objects, their parent and name. */
    default Optional<DynamicFieldName> dynamicFieldName() {
        return Optional.empty();
    }
}
