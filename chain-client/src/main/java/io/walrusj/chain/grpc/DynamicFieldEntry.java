package io.walrusj.chain.grpc;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code ListDynamicFields}.
 *
 * @param fieldId id of the {@code 0x2::dynamic_field::Field<Name, Value>} object
 * @param kind {@code FIELD} or {@code OBJECT} (a dynamic object field), or {@code UNKNOWN}
 * @param nameType the name's Move type ({@code Bcs.name}), if sent
 * @param nameBcs the name's BCS
 * @param valueType the value's type, or for a dynamic object field the child object's type
 * @param valueBcs the value's BCS (dynamic fields; for object fields the child's ID), if sent
 * @param childId the child object's id (dynamic object fields only)
 */
public record DynamicFieldEntry(SuiAddress fieldId, Kind kind, Optional<String> nameType, byte[] nameBcs,
        Optional<String> valueType, Optional<byte[]> valueBcs, Optional<SuiAddress> childId) {

    public enum Kind { FIELD, OBJECT, UNKNOWN }

    public DynamicFieldEntry {
        Objects.requireNonNull(fieldId, "fieldId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nameType, "nameType");
        Objects.requireNonNull(nameBcs, "nameBcs");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(valueBcs, "valueBcs");
        Objects.requireNonNull(childId, "childId");
    }
}
