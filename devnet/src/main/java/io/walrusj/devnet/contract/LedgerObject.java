package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One object of the devnet ledger at one version.
 *
 * @param id the object id
 * @param version Sui-style lamport version: every object a transaction writes gets
 *     {@code 1 + max(version of every object the transaction read or wrote)}
 * @param type full Move type tag, e.g. {@code 0x<pkg>::blob::Blob} or
 *     {@code 0x2::dynamic_field::Field<u64, 0x<pkg>::system_state_inner::SystemStateInnerV1>}
 * @param owner who owns it
 * @param bcs the Move struct's BCS, fields in declaration order (docs/spec/walrus-chain.md section 2)
 * @param json Sui {@code parsedJson}-style content: u8/u16/u32 as numbers, u64/u128/u256 as decimal
 *     strings, IDs as {@code 0x}-hex, UIDs as {@code {"id": "0x.."}}, options as null or the value,
 *     {@code vector<u8>} as a list of numbers, nested structs as maps, enums as
 *     {@code {"variant": name, "fields": {...}}}
 * @param dynamicField for dynamic-field objects, the parent and the name; empty otherwise
 */
public record LedgerObject(SuiAddress id, long version, String type, Owner owner, byte[] bcs,
        Map<String, Object> json, Optional<DynamicFieldName> dynamicField) {

    public LedgerObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        bcs = bcs.clone();
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(dynamicField, "dynamicField");
    }

    /** An object that is not a dynamic field. */
    public LedgerObject(SuiAddress id, long version, String type, Owner owner, byte[] bcs, Map<String, Object> json) {
        this(id, version, type, owner, bcs, json, Optional.empty());
    }

    @Override
    public byte[] bcs() {
        return bcs.clone();
    }

    @Override
    public String toString() {
        return "LedgerObject[id=" + id + ", version=" + version + ", type=" + type + ", owner=" + owner + ", bcs="
                + HexFormat.of().formatHex(bcs) + "]";
    }
}
