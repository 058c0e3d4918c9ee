package io.walrusj.chain.rpc;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@code data} of a {@code SuiObjectResponse} (Sui's {@code SuiObjectData},
 * crates/sui-json-rpc-types/src/sui_object.rs, camelCase):
 *
 * <pre>{@code
 * {"objectId":"0x..","version":"42","digest":"<base58>",
 *  "type":"0x..::blob::Blob",                       // showType
 *  "owner":{"AddressOwner":"0x.."},                 // showOwner
 *  "previousTransaction":"<base58>",                // showPreviousTransaction
 *  "content":{"dataType":"moveObject","type":..,"hasPublicTransfer":true,"fields":{..}}, // showContent
 *  "bcs":{"dataType":"moveObject","type":..,"hasPublicTransfer":true,"version":42,
 *         "bcsBytes":"<base64>"}}                    // showBcs
 * }</pre>
 *
 * @param bcsBytes the Move object's BCS contents ({@code bcs.bcsBytes}, Base64 in JSON), present
 *     when {@code showBcs} was requested and the object is a Move object (not a package). The
 *     array is not copied: treat it as read-only.
 * @param content {@code content} (parsed JSON), when {@code showContent} was requested
 * @param bcs the whole {@code bcs} member (for packages: {@code moduleMap}, {@code typeOriginTable}, ...)
 */
public record SuiObject(
        SuiAddress objectId,
        long version,
        String digest,
        Optional<String> type,
        Optional<Owner> owner,
        Optional<String> previousTransaction,
        Optional<byte[]> bcsBytes,
        Optional<JsonNode> content,
        Optional<JsonNode> bcs) {

    public SuiObject {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(previousTransaction, "previousTransaction");
        Objects.requireNonNull(bcsBytes, "bcsBytes");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(bcs, "bcs");
    }

    /** The Move object's BCS bytes, or a {@link SuiObjectUnavailableException} if absent. */
    public byte[] requireBcsBytes() {
        return bcsBytes.orElseThrow(() -> new SuiObjectUnavailableException(null,
                "object " + objectId + " has no Move-object BCS (request showBcs; packages have none)", null));
    }

    static SuiObject fromJson(String method, JsonNode node, String path) {
        SuiAddress id = Json.objectId(method, Json.required(method, node, path, "objectId"), path + ".objectId");
        long version = Json.u64(method, Json.required(method, node, path, "version"), path + ".version");
        String digest = Json.requiredString(method, node, path, "digest");
        Optional<String> type = Json.optional(node, "type").map(t -> Json.string(method, t, path + ".type"));
        Optional<Owner> owner = Json.optional(node, "owner").map(o -> Owner.fromJson(method, o, path + ".owner"));
        Optional<String> prev = Json.optional(node, "previousTransaction")
                .map(t -> Json.string(method, t, path + ".previousTransaction"));
        Optional<JsonNode> content = Json.optional(node, "content");
        Optional<JsonNode> bcs = Json.optional(node, "bcs");
        Optional<byte[]> bytes = Optional.empty();
        if (bcs.isPresent()) {
            String dataType = Json.requiredString(method, bcs.get(), path + ".bcs", "dataType");
            if ("moveObject".equals(dataType)) {
                bytes = Optional.of(Json.base64(method,
                        Json.required(method, bcs.get(), path + ".bcs", "bcsBytes"), path + ".bcs.bcsBytes"));
            }
        }
        return new SuiObject(id, version, digest, type, owner, prev, bytes, content, bcs);
    }
}
