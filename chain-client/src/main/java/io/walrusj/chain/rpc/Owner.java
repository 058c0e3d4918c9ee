package io.walrusj.chain.rpc;

import io.walrusj.core.crypto.SuiAddress;
import tools.jackson.databind.JsonNode;

/**
 * Sui's object {@code Owner} (sui-types {@code object.rs}), externally tagged:
 * {@code {"AddressOwner":"0x.."}}, {@code {"ObjectOwner":"0x.."}},
 * {@code {"Shared":{"initial_shared_version":7}}}, {@code "Immutable"},
 * {@code {"ConsensusAddressOwner":{"start_version":7,"owner":"0x.."}}}. Anything else is kept as
 * {@link Unknown}. Versions are accepted as numbers or strings, field names in snake or camel case.
 */
public sealed interface Owner {

    /** Owned by an address. */
    record AddressOwner(SuiAddress address) implements Owner {
    }

    /** Owned by another object (dynamic fields, wrapped children). */
    record ObjectOwner(SuiAddress parent) implements Owner {
    }

    /** A shared object (the Walrus {@code System} and {@code Staking} objects). */
    record Shared(long initialSharedVersion) implements Owner {
    }

    /** Frozen. */
    record Immutable() implements Owner {
    }

    /** Consensus-versioned, address-owned ("party") object. */
    record ConsensusAddressOwner(long startVersion, SuiAddress owner) implements Owner {
    }

    /** A form this client does not know. */
    record Unknown(JsonNode json) implements Owner {
    }

    static Owner fromJson(String method, JsonNode node, String path) {
        if (node.isString()) {
            return "Immutable".equals(node.stringValue()) ? new Immutable() : new Unknown(node);
        }
        if (!node.isObject() || node.size() != 1) {
            return new Unknown(node);
        }
        String tag = node.propertyNames().iterator().next();
        JsonNode v = node.get(tag);
        String p = path + "." + tag;
        return switch (tag) {
            case "AddressOwner" -> new AddressOwner(Json.objectId(method, v, p));
            case "ObjectOwner" -> new ObjectOwner(Json.objectId(method, v, p));
            case "Shared" -> new Shared(Json.u64(method, either(method, v, p, "initial_shared_version", "initialSharedVersion"), p));
            case "Immutable" -> new Immutable();
            case "ConsensusAddressOwner" -> new ConsensusAddressOwner(
                    Json.u64(method, either(method, v, p, "start_version", "startVersion"), p),
                    Json.objectId(method, Json.required(method, v, p, "owner"), p + ".owner"));
            default -> new Unknown(node);
        };
    }

    private static JsonNode either(String method, JsonNode obj, String path, String a, String b) {
        return Json.optional(obj, a).or(() -> Json.optional(obj, b))
                .orElseThrow(() -> Json.bad(method, path + "." + a, "missing"));
    }
}
