package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Map;
import java.util.Optional;

/**
 * A dynamic field {@code 0x2::dynamic_field::Field<K, V> { id: UID, name: K, value: V }}, owned by
 * its parent object. Names are either a u64 (the versioned inner states) or a byte vector (blob
 * attributes under {@code b"metadata"}).
 */
final class DynamicFieldObject implements MoveObject {
    private final SuiAddress id;
    private final DynamicFieldName name;
    private final MoveValue value;

    private DynamicFieldObject(SuiAddress id, DynamicFieldName name, MoveValue value) {
        this.id = id;
        this.name = name;
        this.value = value;
    }

    /** {@code Field<u64, V>} of {@code parent} named {@code key}. */
    static DynamicFieldObject u64Name(SuiAddress parent, long key, MoveValue value) {
        byte[] nameBcs = BcsWriter.encode(w -> w.u64(key));
        DynamicFieldName name = new DynamicFieldName(parent, "u64", nameBcs, Json.u64(key));
        return new DynamicFieldObject(ObjectIds.dynamicField(parent, ObjectIds.U64_TYPE_TAG, nameBcs), name, value);
    }

    /** {@code Field<vector<u8>, V>} of {@code parent} named {@code key}. */
    static DynamicFieldObject bytesName(SuiAddress parent, byte[] key, MoveValue value) {
        byte[] nameBcs = BcsWriter.encode(w -> w.bytes(key));
        DynamicFieldName name = new DynamicFieldName(parent, "vector<u8>", nameBcs, Json.bytes(key));
        return new DynamicFieldObject(ObjectIds.dynamicField(parent, ObjectIds.BYTE_VECTOR_TYPE_TAG, nameBcs), name,
                value);
    }

    MoveValue value() {
        return value;
    }

    DynamicFieldObject withValue(MoveValue newValue) {
        return new DynamicFieldObject(id, name, newValue);
    }

    @Override
    public SuiAddress id() {
        return id;
    }

    @Override
    public String type(TypeNames types) {
        return TypeNames.field(name.type(), value.type(types));
    }

    @Override
    public void writeBcs(BcsWriter w) {
        w.fixedBytes(id.bytes()).fixedBytes(name.bcs());
        value.writeBcs(w);
    }

    @Override
    public Map<String, Object> json() {
        return Json.obj().put("id", Json.uid(id)).put("name", name.json()).put("value", value.json()).build();
    }

    @Override
    public DynamicFieldObject copy() {
        MoveValue copied = value.copy();
        return copied == value ? this : new DynamicFieldObject(id, name, copied);
    }

    @Override
    public Optional<DynamicFieldName> dynamicFieldName() {
        return Optional.of(name);
    }
}
