package io.walrusj.devnet.rpc;

import io.walrusj.core.crypto.Base58;
import io.walrusj.devnet.ledger.StoredEvent;
import io.walrusj.devnet.ledger.StoredObject;
import java.util.Base64;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds Sui JSON-RPC response shapes (SuiEvent, EventID, SuiObjectResponse) from stored rows.
 * u64 values are decimal strings and digests base58, as Sui's API returns them.
 */
final class SuiJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ObjectMapper mapper;

    SuiJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static ObjectNode eventId(byte[] txDigest, int eventSeq) {
        ObjectNode id = F.objectNode();
        id.put("txDigest", Base58.encode(txDigest));
        id.put("eventSeq", Integer.toString(eventSeq));
        return id;
    }

    ObjectNode event(StoredEvent e) {
        ObjectNode node = F.objectNode();
        node.set("id", eventId(e.txDigest(), e.eventSeq()));
        node.put("packageId", e.packageId().toString());
        node.put("transactionModule", e.module());
        node.put("sender", e.sender().toString());
        node.put("type", e.type());
        node.set("parsedJson", mapper.readTree(e.parsedJson()));
        node.put("bcsEncoding", "base64");
        node.put("bcs", Base64.getEncoder().encodeToString(e.bcs()));
        node.put("timestampMs", Long.toString(e.timestampMs()));
        return node;
    }

    /** A SuiObjectResponse for an existing object with the requested parts. */
    ObjectNode object(StoredObject o, ObjectOptions options) {
        if (o.deleted()) {
            ObjectNode error = F.objectNode();
            error.put("code", "deleted");
            error.put("object_id", o.id().toString());
            error.put("version", Long.toString(o.version()));
            error.put("digest", Base58.encode(o.digest()));
            ObjectNode response = F.objectNode();
            response.set("error", error);
            return response;
        }
        ObjectNode data = F.objectNode();
        data.put("objectId", o.id().toString());
        data.put("version", Long.toString(o.version()));
        data.put("digest", Base58.encode(o.digest()));
        if (options.showType()) {
            data.put("type", o.type());
        }
        if (options.showOwner()) {
            data.set("owner", owner(o));
        }
        if (options.showPreviousTransaction()) {
            data.put("previousTransaction", Base58.encode(o.previousTransaction()));
        }
        data.put("storageRebate", "0");
        if (options.showContent()) {
            ObjectNode content = F.objectNode();
            content.put("dataType", "moveObject");
            content.put("type", o.type());
            content.put("hasPublicTransfer", "AddressOwner".equals(o.ownerKind()));
            content.set("fields", mapper.readTree(o.contentJson()));
            data.set("content", content);
        }
        if (options.showBcs()) {
            ObjectNode bcs = F.objectNode();
            bcs.put("dataType", "moveObject");
            bcs.put("type", o.type());
            bcs.put("hasPublicTransfer", "AddressOwner".equals(o.ownerKind()));
            bcs.put("version", o.version());
            bcs.put("bcsBytes", Base64.getEncoder().encodeToString(o.bcs()));
            data.set("bcs", bcs);
        }
        ObjectNode response = F.objectNode();
        response.set("data", data);
        return response;
    }

    static ObjectNode notExists(String objectId) {
        ObjectNode error = F.objectNode();
        error.put("code", "notExists");
        error.put("object_id", objectId);
        ObjectNode response = F.objectNode();
        response.set("error", error);
        return response;
    }

    private static tools.jackson.databind.JsonNode owner(StoredObject o) {
        return switch (o.ownerKind()) {
            case "AddressOwner" -> F.objectNode().put("AddressOwner", o.owner().toString());
            case "ObjectOwner" -> F.objectNode().put("ObjectOwner", o.owner().toString());
            case "Shared" -> {
                ObjectNode shared = F.objectNode();
                shared.putObject("Shared").put("initial_shared_version", o.initialVersion());
                yield shared;
            }
            default -> F.stringNode("Immutable");
        };
    }
}
