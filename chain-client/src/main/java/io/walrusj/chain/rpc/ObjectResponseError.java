package io.walrusj.chain.rpc;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@code error} member of a {@code SuiObjectResponse}: Sui's {@code SuiObjectResponseError}
 * (sui-types {@code error.rs}), tagged by {@code code}: {@code notExists} ({@code object_id}),
 * {@code dynamicFieldNotFound} ({@code parent_object_id}), {@code deleted} ({@code object_id},
 * {@code version}, {@code digest}), {@code unknown}, {@code displayError} ({@code error}).
 *
 * @param code the {@code code} tag, e.g. {@code notExists}
 * @param objectId the object (or, for {@code dynamicFieldNotFound}, the parent) if given
 * @param json the whole error object
 */
public record ObjectResponseError(String code, Optional<SuiAddress> objectId, JsonNode json) {

    public static final String NOT_EXISTS = "notExists";
    public static final String DELETED = "deleted";
    public static final String DYNAMIC_FIELD_NOT_FOUND = "dynamicFieldNotFound";

    static ObjectResponseError fromJson(String method, JsonNode node, String path) {
        String code = Json.requiredString(method, node, path, "code");
        Optional<SuiAddress> id = Json.optional(node, "object_id")
                .or(() -> Json.optional(node, "objectId"))
                .or(() -> Json.optional(node, "parent_object_id"))
                .or(() -> Json.optional(node, "parentObjectId"))
                .map(n -> Json.objectId(method, n, path + ".object_id"));
        return new ObjectResponseError(code, id, node);
    }

    @Override
    public String toString() {
        return code + objectId.map(id -> " " + id).orElse("");
    }
}
