package io.walrusj.chain.rpc;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * One event as returned by {@code suix_queryEvents} (Sui's {@code SuiEvent},
 * crates/sui-json-rpc-types/src/sui_event.rs):
 *
 * <pre>{@code
 * {"id":{"txDigest":"..","eventSeq":"0"},
 *  "packageId":"0x..",            // package of the called function (emitting package)
 *  "transactionModule":"system",  // module of the called function
 *  "sender":"0x..",
 *  "type":"0x..::events::BlobCertified",   // defining package :: module :: struct
 *  "parsedJson":{...},
 *  "bcsEncoding":"base64","bcs":"..",       // or legacy: no bcsEncoding and Base58 "bcs"
 *  "timestampMs":"1700000000000"}           // optional
 * }</pre>
 *
 * <p>Sui serialises {@code bcs} as Base64 tagged {@code "bcsEncoding":"base64"}; it still reads
 * the older untagged Base58 form (and {@code "bcsEncoding":"base58"}), and so do we.
 *
 * <p>There is no checkpoint number in this shape.
 *
 * @param bcs the event struct's BCS bytes (not copied: treat as read-only)
 * @param parsedJson Sui's JSON rendering of the fields, if present
 */
public record SuiEvent(
        EventId id,
        SuiAddress packageId,
        String transactionModule,
        SuiAddress sender,
        String type,
        Optional<JsonNode> parsedJson,
        byte[] bcs,
        OptionalLong timestampMs) {

    public SuiEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(transactionModule, "transactionModule");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parsedJson, "parsedJson");
        Objects.requireNonNull(bcs, "bcs");
        Objects.requireNonNull(timestampMs, "timestampMs");
    }

    /** Parses one element of an event page's {@code data}. */
    public static SuiEvent fromJson(String method, JsonNode node, String path) {
        EventId id = EventId.fromJson(method, Json.required(method, node, path, "id"), path + ".id");
        SuiAddress packageId = Json.objectId(method, Json.required(method, node, path, "packageId"), path + ".packageId");
        String module = Json.requiredString(method, node, path, "transactionModule");
        SuiAddress sender = Json.objectId(method, Json.required(method, node, path, "sender"), path + ".sender");
        String type = Json.requiredString(method, node, path, "type");
        Optional<JsonNode> parsed = Json.optional(node, "parsedJson");
        String encoding = Json.optional(node, "bcsEncoding")
                .map(e -> Json.string(method, e, path + ".bcsEncoding"))
                .orElse("base58");
        JsonNode bcsNode = Json.required(method, node, path, "bcs");
        byte[] bcs = switch (encoding) {
            case "base64" -> Json.base64(method, bcsNode, path + ".bcs");
            case "base58" -> Json.base58(method, bcsNode, path + ".bcs");
            default -> throw Json.bad(method, path + ".bcsEncoding", "unknown encoding '" + encoding + "'");
        };
        OptionalLong ts = Json.optionalU64(method, node, path, "timestampMs");
        return new SuiEvent(id, packageId, module, sender, type, parsed, bcs, ts);
    }
}
