package io.walrusj.chain.rpc;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Sui's {@code SuiObjectResponse}: {@code {"data":{...}}} or {@code {"error":{"code":..}}}.
 * An object that does not exist is <em>not</em> a JSON-RPC error: it is a successful response
 * with an {@code error} member.
 */
public record SuiObjectResponse(Optional<SuiObject> data, Optional<ObjectResponseError> error) {

    public SuiObjectResponse {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(error, "error");
    }

    /** The object, or a {@link SuiObjectUnavailableException} carrying the object-level error. */
    public SuiObject orElseThrow() {
        if (data.isPresent()) {
            return data.get();
        }
        ObjectResponseError e = error.orElse(null);
        throw new SuiObjectUnavailableException(null,
                "object unavailable: " + (e == null ? "neither data nor error in response" : e), e);
    }

    static SuiObjectResponse fromJson(String method, JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw Json.bad(method, path, "expected an object, got " + Json.describe(node));
        }
        Optional<SuiObject> data = Json.optional(node, "data").map(d -> SuiObject.fromJson(method, d, path + ".data"));
        Optional<ObjectResponseError> error = Json.optional(node, "error")
                .map(e -> ObjectResponseError.fromJson(method, e, path + ".error"));
        if (data.isEmpty() && error.isEmpty()) {
            throw Json.bad(method, path, "neither data nor error");
        }
        return new SuiObjectResponse(data, error);
    }
}
