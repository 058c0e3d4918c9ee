package io.walrusj.chain.rpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code name} argument of {@code suix_getDynamicFieldObject}: Sui's {@code DynamicFieldName}
 * (sui-types {@code dynamic_field.rs}), {@code {"type":"<Move type tag>","value":<JSON value>}}.
 * The node converts {@code value} to BCS according to {@code type}; Sui's JSON convention writes
 * u64 values as decimal strings.
 */
public record DynamicFieldName(String type, JsonNode value) {

    public DynamicFieldName {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** A {@code u64} key, e.g. the {@code version} under which Walrus keeps its inner state. */
    public static DynamicFieldName u64(long value) {
        return new DynamicFieldName("u64", Json.NODES.stringNode(Long.toUnsignedString(value)));
    }

    /** A {@code 0x2::object::ID} key, e.g. a node ID in the staking pools' {@code ObjectTable}. */
    public static DynamicFieldName id(io.walrusj.core.crypto.SuiAddress id) {
        return new DynamicFieldName("0x2::object::ID", Json.NODES.stringNode(id.toString()));
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.NODES.objectNode();
        n.put("type", type);
        n.set("value", value.deepCopy());
        return n;
    }
}
