package io.walrusj.devnet.rpc;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.devnet.ledger.EventQuery;
import io.walrusj.devnet.ledger.LedgerStore;
import io.walrusj.devnet.ledger.StoredEvent;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Sui JSON-RPC read methods the suite uses, answered from the ledger store with Sui's request
 * and response shapes, so that clients written for a Sui full node work against the devnet.
 */
@Component
public class SuiReadMethods {
    /** Sui's maximum page size for queries. */
    static final int MAX_PAGE = 50;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final LedgerStore store;
    private final SuiJson json;

    public SuiReadMethods(LedgerStore store, ObjectMapper mapper) {
        this.store = store;
        this.json = new SuiJson(mapper);
    }

    /** Dispatches one call; unknown methods and bad params throw {@link JsonRpcException}. */
    public JsonNode call(String method, JsonNode params) {
        return switch (method) {
            case "sui_getLatestCheckpointSequenceNumber" ->
                    F.stringNode(Long.toString(store.latestCheckpoint().map(c -> c.sequenceNumber()).orElse(0L)));
            case "suix_queryEvents" -> queryEvents(param(params, 0), param(params, 1), param(params, 2), param(params, 3));
            case "sui_getObject" -> getObject(text(param(params, 0), "object id"), ObjectOptions.from(param(params, 1)));
            case "sui_multiGetObjects" -> multiGetObjects(param(params, 0), ObjectOptions.from(param(params, 1)));
            case "suix_getDynamicFieldObject" -> dynamicFieldObject(text(param(params, 0), "parent object id"), param(params, 1));
            default -> throw new JsonRpcException(JsonRpcException.METHOD_NOT_FOUND, "Method not found: " + method);
        };
    }

    private JsonNode queryEvents(JsonNode filter, JsonNode cursor, JsonNode limitNode, JsonNode descendingNode) {
        EventQuery query = eventQuery(filter);
        int limit = limitNode == null || limitNode.isNull() ? MAX_PAGE : limit(limitNode);
        boolean descending = flag(descendingNode, "descending order");
        Long afterTx = null;
        Integer afterSeq = null;
        if (cursor != null && !cursor.isNull()) {
            byte[] digest = digest(text(cursor.get("txDigest"), "cursor txDigest"));
            afterTx = store.transactionSequence(digest)
                    .orElseThrow(() -> JsonRpcException.invalidParams("unknown cursor transaction " + cursor.get("txDigest")));
            long eventSeq = u64(cursor.get("eventSeq"), "cursor eventSeq");
            if (eventSeq < 0 || eventSeq > Integer.MAX_VALUE) {
                throw JsonRpcException.invalidParams("cursor eventSeq " + Long.toUnsignedString(eventSeq) + " is out of range");
            }
            afterSeq = (int) eventSeq;
        }
        List<StoredEvent> rows = store.events(query, afterTx, afterSeq, limit + 1, descending);
        boolean hasNext = rows.size() > limit;
        List<StoredEvent> page = hasNext ? rows.subList(0, limit) : rows;
        ObjectNode result = F.objectNode();
        ArrayNode data = result.putArray("data");
        page.forEach(e -> data.add(json.event(e)));
        if (page.isEmpty()) {
            result.set("nextCursor", cursor == null || cursor.isNull() ? F.nullNode() : cursor);
        } else {
            StoredEvent last = page.getLast();
            result.set("nextCursor", SuiJson.eventId(last.txDigest(), last.eventSeq()));
        }
        result.put("hasNextPage", hasNext);
        return result;
    }

    private static EventQuery eventQuery(JsonNode filter) {
        if (filter == null || !filter.isObject() || filter.size() != 1) {
            throw JsonRpcException.invalidParams("event filter must be an object with one of MoveEventModule, MoveEventType, All");
        }
        String kind = filter.propertyNames().iterator().next();
        JsonNode value = filter.get(kind);
        return switch (kind) {
            case "MoveEventModule" -> new EventQuery.ByModule(address(text(value.get("package"), "package")),
                    text(value.get("module"), "module"));
            case "MoveEventType" -> new EventQuery.ByType(normalizeType(text(value, "MoveEventType")));
            case "All" -> new EventQuery.All();
            default -> throw JsonRpcException.invalidParams("unsupported event filter " + kind
                    + " (the devnet serves MoveEventModule, MoveEventType and All)");
        };
    }

    private JsonNode getObject(String id, ObjectOptions options) {
        SuiAddress address = address(id);
        return store.object(address).<JsonNode>map(o -> json.object(o, options)).orElseGet(() -> SuiJson.notExists(address.toString()));
    }

    private JsonNode multiGetObjects(JsonNode ids, ObjectOptions options) {
        if (ids == null || !ids.isArray()) {
            throw JsonRpcException.invalidParams("object ids must be an array");
        }
        if (ids.size() > MAX_PAGE) {
            throw JsonRpcException.invalidParams("at most " + MAX_PAGE + " object ids per call, got " + ids.size());
        }
        ArrayNode out = F.arrayNode();
        for (JsonNode id : ids) {
            out.add(getObject(text(id, "object id"), options));
        }
        return out;
    }

    private JsonNode dynamicFieldObject(String parentId, JsonNode name) {
        if (name == null || !name.isObject()) {
            throw JsonRpcException.invalidParams("dynamic field name must be {type, value}");
        }
        String type = text(name.get("type"), "name type");
        byte[] nameBcs = nameBcs(type, name.get("value"));
        SuiAddress parent = address(parentId);
        Optional<SuiAddress> field = store.dynamicField(parent, type, nameBcs);
        if (field.isEmpty()) {
            ObjectNode error = F.objectNode();
            error.putObject("error").put("code", "dynamicFieldNotFound").put("parent_object_id", parent.toString());
            return error;
        }
        return getObject(field.get().toString(), new ObjectOptions(true, true, true, true, true));
    }

    /** BCS of a dynamic field name given as Sui's {type, value} JSON, for the name types Walrus uses. */
    private static byte[] nameBcs(String type, JsonNode value) {
        if (value == null) {
            throw JsonRpcException.invalidParams("dynamic field name value missing");
        }
        return switch (type) {
            case "u64" -> BcsWriter.encode(w -> w.u64(u64(value, "name value")));
            case "u32" -> BcsWriter.encode(w -> w.u32(u64(value, "name value")));
            case "address", "0x2::object::ID" -> address(text(value, "name value")).bytes();
            case "vector<u8>" -> {
                if (!value.isArray()) {
                    throw JsonRpcException.invalidParams("vector<u8> name value must be an array of bytes");
                }
                byte[] bytes = new byte[value.size()];
                for (int i = 0; i < bytes.length; i++) {
                    JsonNode element = value.get(i);
                    int b = element.isIntegralNumber() && element.canConvertToInt() ? element.asInt() : -1;
                    if (b < 0 || b > 255) {
                        throw JsonRpcException.invalidParams("byte " + i + " of the name is not in 0..255");
                    }
                    bytes[i] = (byte) b;
                }
                yield BcsWriter.encode(w -> w.bytes(bytes));
            }
            case "0x1::string::String" -> BcsWriter.encode(w -> w.string(text(value, "name value")));
            default -> throw JsonRpcException.invalidParams("unsupported dynamic field name type " + type);
        };
    }

    private static JsonNode param(JsonNode params, int index) {
        if (params == null || params.isNull()) {
            return null;
        }
        if (!params.isArray()) {
            throw JsonRpcException.invalidParams("params must be an array");
        }
        return index < params.size() ? params.get(index) : null;
    }

    /** A page size: an integer in 1..{@value #MAX_PAGE} (anything else, however large, is invalid params). */
    private static int limit(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1 || node.asInt() > MAX_PAGE) {
            throw JsonRpcException.invalidParams("limit must be an integer in 1.." + MAX_PAGE + ", got " + node);
        }
        return node.asInt();
    }

    /** An optional boolean parameter: absent or null is false. */
    static boolean flag(JsonNode node, String what) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw JsonRpcException.invalidParams(what + " must be a boolean");
        }
        return node.asBoolean();
    }

    private static String text(JsonNode node, String what) {
        if (node == null || !node.isString()) {
            throw JsonRpcException.invalidParams(what + " must be a string");
        }
        return node.asString();
    }

    private static long u64(JsonNode node, String what) {
        try {
            if (node != null && (node.isString() || node.isIntegralNumber())) {
                BigInteger value = new BigInteger(node.asString());
                if (value.signum() >= 0 && value.bitLength() <= 64) {
                    return value.longValue();
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw JsonRpcException.invalidParams(what + " must be a u64, got " + node);
    }

    /** Addresses and object ids as Sui accepts them, including short forms such as "0x2". */
    static SuiAddress address(String text) {
        try {
            return SuiAddress.parseLenient(text);
        } catch (CryptoException e) {
            throw JsonRpcException.invalidParams("invalid address or object id '" + text + "': " + e.getMessage());
        }
    }

    /** Normalises the package address in a type tag, so "0x2::a::B" matches the stored long form. */
    private static String normalizeType(String type) {
        int sep = type.indexOf("::");
        if (sep < 0) {
            throw JsonRpcException.invalidParams("not a Move type: " + type);
        }
        return address(type.substring(0, sep)) + type.substring(sep);
    }

    private static byte[] digest(String text) {
        try {
            return Base58.decode(text, 32);
        } catch (CryptoException e) {
            throw JsonRpcException.invalidParams("invalid digest '" + text + "': " + e.getMessage());
        }
    }
}
