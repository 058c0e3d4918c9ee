package io.walrusj.chain;

import io.walrusj.chain.rpc.DynamicFieldName;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.ObjectDataOptions;
import io.walrusj.chain.rpc.ObjectResponseError;
import io.walrusj.chain.rpc.SuiObject;
import io.walrusj.chain.rpc.SuiObjectResponse;
import io.walrusj.chain.rpc.SuiProtocolException;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@link ObjectSource} over the legacy Sui JSON-RPC ({@link SuiRpcClient}): {@code sui_getObject}
 * with {@code showBcs}, {@code suix_getDynamicFieldObject} (a full node answers it without BCS, so
 * the field object is read again), the package's {@code typeOriginTable},
 * {@code sui_getLatestCheckpointSequenceNumber} and {@code suix_getBalance}.
 */
public final class JsonRpcObjectSource implements ObjectSource {

    private static final Set<String> ABSENT = Set.of(ObjectResponseError.NOT_EXISTS,
            ObjectResponseError.DYNAMIC_FIELD_NOT_FOUND, ObjectResponseError.DELETED);

    private final SuiRpcClient rpc;

    public JsonRpcObjectSource(SuiRpcClient rpc) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
    }

    public SuiRpcClient rpc() {
        return rpc;
    }

    @Override
    public Optional<MoveObject> object(SuiAddress id) {
        return present(rpc.getObject(id, ObjectDataOptions.bcs())).map(JsonRpcObjectSource::move);
    }

    @Override
    public Optional<MoveObject> dynamicField(SuiAddress parent, FieldName name) {
        Optional<SuiObject> field = present(rpc.getDynamicFieldObject(parent, jsonName(name)));
        if (field.isEmpty()) {
            return Optional.empty();
        }
        if (field.get().bcsBytes().isEmpty()) {
            return object(field.get().objectId());
        }
        return field.map(JsonRpcObjectSource::move);
    }

    @Override
    public Map<String, SuiAddress> typeOrigins(SuiAddress packageId, String module) {
        String method = "sui_getObject";
        SuiObject p = rpc.getObject(packageId, ObjectDataOptions.bcs()).orElseThrow();
        JsonNode bcs = p.bcs().orElseThrow(() -> new SuiProtocolException(method, "package " + packageId + " without bcs"));
        JsonNode dataType = bcs.get("dataType");
        if (dataType == null || !"package".equals(dataType.asString())) {
            throw new io.walrusj.chain.model.WalrusDecodeException(
                    io.walrusj.chain.model.WalrusDecodeException.Reason.WRONG_OBJECT_TYPE, "object " + packageId + " is not a package");
        }
        JsonNode table = bcs.get("typeOriginTable");
        if (table == null || !table.isArray()) {
            throw new SuiProtocolException(method, "package " + packageId + " has no typeOriginTable array");
        }
        Map<String, SuiAddress> out = new LinkedHashMap<>();
        for (JsonNode origin : table) {
            JsonNode mod = origin.get("module_name");
            JsonNode name = origin.has("datatype_name") ? origin.get("datatype_name") : origin.get("struct_name");
            JsonNode pkg = origin.get("package");
            if (mod == null || name == null || pkg == null || !mod.isString() || !name.isString() || !pkg.isString()) {
                throw new SuiProtocolException(method, "malformed typeOriginTable entry " + origin);
            }
            if (module.equals(mod.stringValue())) {
                try {
                    out.put(name.stringValue(), SuiAddress.parseLenient(pkg.stringValue()));
                } catch (CryptoException e) {
                    throw new SuiProtocolException(method, "malformed package ID in typeOriginTable: " + pkg, e);
                }
            }
        }
        return out;
    }

    @Override
    public long latestCheckpoint() {
        return rpc.getLatestCheckpointSequenceNumber();
    }

    @Override
    public long balance(SuiAddress owner, String coinType) {
        String method = "suix_getBalance";
        ArrayNode params = Json.NODES.arrayNode().add(owner.toString()).add(coinType);
        JsonNode result = rpc.call(method, params);
        return Json.u64(method, Json.required(method, result, "result", "totalBalance"), "result.totalBalance");
    }

    private static Optional<SuiObject> present(SuiObjectResponse r) {
        if (r.data().isEmpty() && r.error().map(e -> ABSENT.contains(e.code())).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(r.orElseThrow());
    }

    private static MoveObject move(SuiObject o) {
        return new MoveObject(o.objectId(), o.type(), o.requireBcsBytes());
    }

    /** Sui's JSON form of a field name: u64 as a decimal string, ids as hex, {@code vector<u8>} as a number array. */
    static DynamicFieldName jsonName(FieldName name) {
        BcsReader r = new BcsReader(name.bcs());
        return switch (name.type()) {
            case "u64" -> DynamicFieldName.u64(r.u64());
            case "0x2::object::ID" -> DynamicFieldName.id(SuiAddress.read(r));
            case "address" -> new DynamicFieldName("address", Json.NODES.stringNode(SuiAddress.read(r).toString()));
            case "vector<u8>" -> {
                ArrayNode a = Json.NODES.arrayNode();
                for (byte b : r.bytes()) {
                    a.add(b & 0xFF);
                }
                yield new DynamicFieldName("vector<u8>", a);
            }
            default -> throw new IllegalArgumentException("unsupported dynamic field name type " + name.type());
        };
    }
}
