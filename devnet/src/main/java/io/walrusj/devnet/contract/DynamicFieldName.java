package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/**
 * The name under which a dynamic-field object hangs off its parent ({@code suix_getDynamicFields}
 * needs it): the Move type of the name, its BCS and its JSON form.
 *
 * @param parent the object the field belongs to
 * @param type the name's Move type, e.g. {@code u64} or {@code vector<u8>}
 * @param bcs the name's BCS bytes
 * @param json the name's JSON value as Sui renders it (u64 as a decimal string, vector<u8> as a
 *     list of numbers)
 */
public record DynamicFieldName(SuiAddress parent, String type, byte[] bcs, Object json) {
    public DynamicFieldName {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(type, "type");
        bcs = bcs.clone();
        Objects.requireNonNull(json, "json");
    }

    @Override
    public byte[] bcs() {
        return bcs.clone();
    }
}
