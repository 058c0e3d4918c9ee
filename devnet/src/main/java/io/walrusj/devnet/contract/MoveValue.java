package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import java.util.Map;

/**
 * A Move struct value held in the devnet ledger: its type tag, BCS and JSON rendering. Mutable
 * implementations are only changed inside a transaction on a {@link #copy()} (copy on write).
 */
interface MoveValue {

    String type(TypeNames types);

    void writeBcs(BcsWriter w);

    Map<String, Object> json();

    /** A deep copy (immutable implementations return {@code this}). */
    MoveValue copy();

    default byte[] toBcs() {
        BcsWriter w = new BcsWriter(128);
        writeBcs(w);
        return w.toByteArray();
    }
}
