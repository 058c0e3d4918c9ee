package io.walrusj.chain.testing;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetTransaction;
import io.walrusj.chain.grpc.proto.Checkpoint;
import io.walrusj.chain.grpc.proto.Event;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.Owner;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.crypto.SuiSignature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves a {@link ChainModel} as the legacy Sui JSON-RPC read methods chain-client uses
 * ({@code sui_getObject}, {@code sui_multiGetObjects}, {@code suix_getDynamicFieldObject},
 * {@code suix_queryEvents}, {@code sui_getLatestCheckpointSequenceNumber}, {@code suix_getBalance})
 * and the devnet's {@code devnet_getChainInfo} / {@code devnet_executeTransaction}, as the
 * responder of a {@link FakeSuiServer}. Events are the ones in the model's checkpoints.
 */
final class JsonRpcFrontend {

    /** A JSON-RPC error answer. */
    static final class RpcError extends RuntimeException {
        final int code;
        final JsonNode data;

        RpcError(int code, String message, JsonNode data) {
            super(message);
            this.code = code;
            this.data = data;
        }
    }

    private final ChainModel model;
    private final FakeSuiChain chain;

    JsonRpcFrontend(ChainModel model, FakeSuiChain chain, FakeSuiServer server) {
        this.model = model;
        this.chain = chain;
        server.respond(this::answer);
    }

    private FakeSuiServer.Reply answer(JsonNode request) {
        String method = request.path("method").asString();
        if (!model.call(method)) {
            return FakeSuiServer.Reply.status(503);
        }
        ObjectNode response = Json.NODES.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        try {
            response.set("result", dispatch(method, request.path("params")));
        } catch (RpcError e) {
            ObjectNode error = response.putObject("error");
            error.put("code", e.code);
            error.put("message", e.getMessage());
            if (e.data != null) {
                error.set("data", e.data);
            }
        } catch (RuntimeException e) {
            ObjectNode error = response.putObject("error");
            error.put("code", -32602);
            error.put("message", "invalid params: " + e);
        }
        return FakeSuiServer.Reply.ok(response.toString());
    }

    private JsonNode dispatch(String method, JsonNode params) {
        return switch (method) {
            case "sui_getObject" -> objectResponse(id(params.get(0)));
            case "sui_multiGetObjects" -> {
                ArrayNode out = Json.NODES.arrayNode();
                params.get(0).forEach(id -> out.add(objectResponse(id(id))));
                yield out;
            }
            case "suix_getDynamicFieldObject" -> dynamicField(id(params.get(0)), params.get(1));
            case "suix_queryEvents" -> EventPages.page(model.checkpoints(), params);
            case "sui_getLatestCheckpointSequenceNumber" -> Json.NODES.stringNode(Long.toString(model.head()));
            case "suix_getBalance" -> balance(id(params.get(0)), params.path(1).isString()
                    ? params.get(1).stringValue() : FakeSuiChain.WAL_COIN_TYPE);
            case "devnet_getChainInfo" -> chain.chainInfoJson();
            case "devnet_executeTransaction" -> execute(params.get(0).stringValue(), params.get(1).stringValue());
            default -> throw new RpcError(-32601, "method not found: " + method, null);
        };
    }

    private static SuiAddress id(JsonNode node) {
        return SuiAddress.parseLenient(node.stringValue());
    }

    static ObjectNode objectResponse(SuiAddress id, ChainModel model) {
        ObjectNode r = Json.NODES.objectNode();
        var pkg = model.typeOrigins(id);
        if (pkg.isPresent()) {
            ObjectNode data = r.putObject("data");
            data.put("objectId", id.toString());
            data.put("version", "1");
            data.put("digest", Base58.encode(new byte[32]));
            data.put("type", "package");
            ObjectNode bcs = data.putObject("bcs");
            bcs.put("dataType", "package");
            bcs.put("id", id.toString());
            ArrayNode table = bcs.putArray("typeOriginTable");
            pkg.get().forEach((module, types) -> types.forEach((name, origin) -> table.addObject()
                    .put("module_name", module).put("datatype_name", name).put("package", origin.toString())));
            return r;
        }
        var found = model.object(id);
        if (found.isEmpty()) {
            ObjectNode err = r.putObject("error");
            err.put("code", "notExists");
            err.put("object_id", id.toString());
            return r;
        }
        FakeObject o = found.get();
        ObjectNode data = r.putObject("data");
        data.put("objectId", o.id().toString());
        data.put("version", Long.toString(o.version()));
        data.put("digest", o.digest());
        data.put("type", o.type());
        data.set("owner", owner(o.owner()));
        ObjectNode b = data.putObject("bcs");
        b.put("dataType", "moveObject");
        b.put("type", o.type());
        b.put("hasPublicTransfer", false);
        b.put("version", o.version());
        b.put("bcsBytes", Base64.getEncoder().encodeToString(o.contents()));
        return r;
    }

    private ObjectNode objectResponse(SuiAddress id) {
        return objectResponse(id, model);
    }

    private static JsonNode owner(Owner owner) {
        ObjectNode n = Json.NODES.objectNode();
        switch (owner) {
            case Owner.AddressOwner a -> n.put("AddressOwner", a.address().toString());
            case Owner.ObjectOwner p -> n.put("ObjectOwner", p.parent().toString());
            case Owner.Shared s -> n.putObject("Shared").put("initial_shared_version", s.initialSharedVersion());
            case Owner.Immutable i -> {
                return Json.NODES.stringNode("Immutable");
            }
            default -> throw new IllegalArgumentException("the fake chain does not serve owner " + owner);
        }
        return n;
    }

    /** Like a full node: the field object without BCS (the reader fetches it with {@code sui_getObject}). */
    private JsonNode dynamicField(SuiAddress parent, JsonNode name) {
        String type = name.get("type").stringValue();
        JsonNode value = name.get("value");
        byte[] bcs = switch (type) {
            case "u64" -> BcsWriter.encode(w -> w.u64(Long.parseUnsignedLong(value.asString())));
            case "address", "0x2::object::ID",
                 "0x0000000000000000000000000000000000000000000000000000000000000002::object::ID" ->
                SuiAddress.parseLenient(value.stringValue()).bytes();
            case "vector<u8>" -> {
                byte[] raw = new byte[value.size()];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = (byte) value.get(i).asInt();
                }
                yield BcsWriter.encode(w -> w.bytes(raw));
            }
            default -> throw new RpcError(-32602, "the fake chain does not decode dynamic field names of type " + type, null);
        };
        String nameType = type.endsWith("::object::ID") ? "0x2::object::ID" : type;
        var field = model.field(parent, nameType, bcs);
        if (field.isEmpty()) {
            ObjectNode r = Json.NODES.objectNode();
            ObjectNode err = r.putObject("error");
            err.put("code", "dynamicFieldNotFound");
            err.put("parent_object_id", parent.toString());
            return r;
        }
        ObjectNode r = objectResponse(field.get().fieldId());
        ((ObjectNode) r.get("data")).remove("bcs");
        return r;
    }

    private static JsonNode balance(SuiAddress owner, String coinType, ChainModel model) {
        ObjectNode r = Json.NODES.objectNode();
        r.put("coinType", coinType);
        r.put("coinObjectCount", 1);
        r.put("totalBalance", Long.toUnsignedString(model.balance(owner, coinType)));
        r.putObject("lockedBalance");
        return r;
    }

    private JsonNode balance(SuiAddress owner, String coinType) {
        return balance(owner, coinType, model);
    }

    /** Verifies the signature (signer = sender), records the write and answers like the devnet. */
    private JsonNode execute(String txBase64, String signatureBase64) {
        byte[] txBytes = Base64.getDecoder().decode(txBase64);
        SuiSignature signature = SuiSignature.fromBase64(signatureBase64);
        DevnetTransaction tx = DevnetTransaction.fromBytes(txBytes);
        String digest = Base58.encode(DevnetTransaction.digest(txBytes));
        if (!signature.verifiesTransaction(txBytes) || !signature.signer().equals(tx.sender())) {
            ObjectNode data = Json.NODES.objectNode().put("reason", "BAD_SIGNATURE").put("digest", digest);
            throw new RpcError(-32002, "transaction rejected: bad signature", data);
        }
        FakeWrite write = chain.recordWrite(tx.sender(), tx.call(), digest);
        ObjectNode r = Json.NODES.objectNode();
        r.put("digest", digest);
        r.put("checkpoint", Long.toString(model.head()));
        r.putObject("effects").putObject("status").put("status", "success");
        r.putArray("events");
        ArrayNode changes = r.putArray("objectChanges");
        List<String> types = createdTypes(tx.call());
        for (int i = 0; i < write.created().size(); i++) {
            ObjectNode c = changes.addObject();
            c.put("type", "created");
            c.put("objectId", write.created().get(i).toString());
            c.put("objectType", chain.packageId() + types.get(i));
            c.put("version", "1");
            c.put("digest", Base58.encode(new byte[32]));
        }
        return r;
    }

    /** Type suffixes ({@code ::module::Type}) of the objects a call creates, as the devnet reports them. */
    static List<String> createdTypes(Call call) {
        return switch (call) {
            case Call.ReserveSpace c -> List.of("::storage_resource::Storage");
            case Call.RegisterBlob c -> List.of("::blob::Blob");
            case Call.RegisterCandidate c -> List.of("::staking_pool::StakingPool", "::storage_node::StorageNodeCap");
            case Call.StakeWithPool c -> List.of("::staked_wal::StakedWal");
            default -> List.of();
        };
    }

    /** {@code suix_queryEvents} over the model's checkpoints (ascending, exclusive cursor). */
    static final class EventPages {
        private EventPages() {
        }

        static JsonNode page(List<Checkpoint> checkpoints, JsonNode params) {
            JsonNode filter = params.get(0);
            JsonNode cursor = params.path(1);
            int limit = params.path(2).isNull() || params.path(2).isMissingNode() ? 50 : Math.min(50, params.get(2).asInt());
            if (params.path(3).asBoolean(false)) {
                throw new RpcError(-32602, "the fake chain does not serve descending queries", null);
            }
            List<ObjectNode> events = new ArrayList<>();
            for (Checkpoint c : checkpoints) {
                long ms = c.getSummary().getTimestamp().getSeconds() * 1000 + c.getSummary().getTimestamp().getNanos() / 1_000_000;
                for (ExecutedTransaction t : c.getTransactionsList()) {
                    List<Event> list = t.getEvents().getEventsList();
                    for (int i = 0; i < list.size(); i++) {
                        if (matches(filter, list.get(i))) {
                            events.add(json(t.getDigest(), i, list.get(i), ms));
                        }
                    }
                }
            }
            int from = 0;
            if (!cursor.isNull() && !cursor.isMissingNode()) {
                from = -1;
                for (int i = 0; i < events.size(); i++) {
                    JsonNode id = events.get(i).get("id");
                    if (id.get("txDigest").equals(cursor.get("txDigest"))
                            && id.get("eventSeq").asString().equals(cursor.get("eventSeq").asString())) {
                        from = i + 1;
                    }
                }
                if (from < 0) {
                    throw new RpcError(-32602, "unknown cursor " + cursor, null);
                }
            }
            int to = Math.min(events.size(), from + Math.max(1, limit));
            ObjectNode page = Json.NODES.objectNode();
            ArrayNode data = page.putArray("data");
            events.subList(from, to).forEach(data::add);
            page.set("nextCursor", to > from ? events.get(to - 1).get("id")
                    : cursor.isMissingNode() ? Json.NODES.nullNode() : cursor);
            page.put("hasNextPage", to < events.size());
            return page;
        }

        private static boolean matches(JsonNode filter, Event e) {
            String type = e.getEventType();
            int sep = type.indexOf("::");
            SuiAddress pkg = SuiAddress.parseLenient(type.substring(0, sep));
            String module = type.substring(sep + 2, type.indexOf("::", sep + 2));
            if (filter.has("MoveEventModule")) {
                JsonNode f = filter.get("MoveEventModule");
                return pkg.equals(SuiAddress.parseLenient(f.get("package").stringValue()))
                        && module.equals(f.get("module").stringValue());
            }
            if (filter.has("MoveEventType")) {
                return type.equals(filter.get("MoveEventType").stringValue());
            }
            if (filter.has("All") && filter.get("All").isEmpty()) {
                return true;
            }
            throw new RpcError(-32602, "the fake chain does not serve the event filter " + filter, null);
        }

        private static ObjectNode json(String txDigest, int seq, Event e, long timestampMs) {
            ObjectNode n = Json.NODES.objectNode();
            ObjectNode id = n.putObject("id");
            id.put("txDigest", txDigest);
            id.put("eventSeq", Integer.toString(seq));
            n.put("packageId", e.getPackageId());
            n.put("transactionModule", e.getModule());
            n.put("sender", e.getSender());
            n.put("type", e.getEventType());
            n.put("bcsEncoding", "base64");
            n.put("bcs", Base64.getEncoder().encodeToString(e.getContents().getValue().toByteArray()));
            n.put("timestampMs", Long.toString(timestampMs));
            return n;
        }
    }
}
