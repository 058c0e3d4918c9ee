package io.walrusj.indexer.ingest;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.core.crypto.SuiAddress;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a decoded event's fields the way Sui renders {@code parsedJson}
 * (sui-json-rpc-types {@code sui_move.rs}): Move field names, {@code u8}..{@code u32} as JSON
 * numbers, {@code u64}..{@code u256} (blob IDs included) as decimal strings, IDs as {@code 0x} +
 * 64 hex digits, {@code vector<u16>} and {@code vector<u8>} as number arrays. The event log
 * stores this next to the BCS, so both forms are available to consumers.
 */
public final class EventJson {

    /** The u64 and u256 fields of the Walrus events (all other unsigned fields are u8..u32). */
    private static final Set<String> WIDE = Set.of("blob_id", "size", "version", "root", "sequence_number",
            "protocol_version", "storage_price", "write_price", "reserved_encoded_capacity_bytes", "unencoded_size");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventJson() {
    }

    /** The JSON object of {@code event}'s fields, or null for an {@link WalrusEvent.UnknownEvent}. */
    public static String render(WalrusEvent event) {
        ObjectNode node = toNode(event);
        return node == null ? null : MAPPER.writeValueAsString(node);
    }

    /** As {@link #render} but as a tree. */
    public static ObjectNode toNode(WalrusEvent event) {
        if (event instanceof WalrusEvent.UnknownEvent) {
            return null;
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, Object> f : event.fields().entrySet()) {
            out.set(f.getKey(), value(f.getKey(), f.getValue()));
        }
        byte[] digest = switch (event) {
            case WalrusEvent.ContractUpgradeProposed p -> p.packageDigest();
            case WalrusEvent.ContractUpgradeQuorumReached q -> q.packageDigest();
            default -> null;
        };
        if (digest != null) {
            ArrayNode bytes = out.putArray("package_digest");
            for (byte b : digest) {
                bytes.add(b & 0xff);
            }
        }
        return out;
    }

    private static tools.jackson.databind.JsonNode value(String name, Object v) {
        return switch (v) {
            case BigInteger i when WIDE.contains(name) -> NODES.stringNode(i.toString());
            case BigInteger i -> NODES.numberNode(i.longValueExact());
            case Boolean b -> NODES.booleanNode(b);
            case SuiAddress a -> NODES.stringNode(a.toString());
            case List<?> list -> {
                ArrayNode arr = NODES.arrayNode();
                list.forEach(e -> arr.add(value(name, e)));
                yield arr;
            }
            default -> NODES.stringNode(v.toString());
        };
    }
}
