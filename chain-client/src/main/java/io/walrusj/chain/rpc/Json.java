package io.walrusj.chain.rpc;

import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Strict accessors for the JSON shapes Sui returns (public so that other chain-client packages,
 * e.g. {@code io.walrusj.chain.devnet}, parse results the same way). Every problem becomes a
 * {@link SuiProtocolException} naming the JSON method and path. Sui prints {@code u64} values as decimal
 * strings ({@code BigInt<u64>} in {@code sui_types::sui_serde}) but a few fields (e.g. the
 * {@code version} inside a raw Move object) as JSON numbers, so {@link #u64} accepts both.
 */
public final class Json {

    /** The shared mapper (thread-safe). */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Node factory for building requests. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Json() {
    }

    /** A {@link SuiProtocolException} for an unexpected shape at {@code path} of {@code method}'s response. */
    public static SuiProtocolException bad(String method, String path, String problem) {
        return new SuiProtocolException(method, "unexpected response shape at " + path + ": " + problem);
    }

    /** The member {@code name} of the object {@code node}, which must exist and not be null. */
    public static JsonNode required(String method, JsonNode node, String path, String name) {
        if (node == null || !node.isObject()) {
            throw bad(method, path, "expected an object, got " + describe(node));
        }
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw bad(method, path + "." + name, "missing");
        }
        return v;
    }

    /** The member {@code name}, or empty if absent or JSON null. */
    public static Optional<JsonNode> optional(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /** {@code node} as a JSON string. */
    public static String string(String method, JsonNode node, String path) {
        if (node == null || !node.isString()) {
            throw bad(method, path, "expected a string, got " + describe(node));
        }
        return node.stringValue();
    }

    /** The required string member {@code name} of {@code parent}. */
    public static String requiredString(String method, JsonNode parent, String path, String name) {
        return string(method, required(method, parent, path, name), path + "." + name);
    }

    /** The required boolean member {@code name} of {@code parent}. */
    public static boolean requiredBoolean(String method, JsonNode parent, String path, String name) {
        JsonNode v = required(method, parent, path, name);
        if (!v.isBoolean()) {
            throw bad(method, path + "." + name, "expected a boolean, got " + describe(v));
        }
        return v.booleanValue();
    }

    /** A u64 given as a decimal string or a non-negative JSON integer; returned as raw 64 bits. */
    public static long u64(String method, JsonNode node, String path) {
        BigInteger v;
        if (node != null && node.isString()) {
            String s = node.stringValue();
            if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9') || s.length() > 20) {
                throw bad(method, path, "expected a decimal u64 string, got '" + s + "'");
            }
            v = new BigInteger(s);
        } else if (node != null && node.isIntegralNumber()) {
            v = node.bigIntegerValue();
        } else {
            throw bad(method, path, "expected a u64 (string or integer), got " + describe(node));
        }
        if (v.signum() < 0 || v.compareTo(U64_MAX) > 0) {
            throw bad(method, path, "out of u64 range: " + v);
        }
        return v.longValue();
    }

    /** The u64 member {@code name} of {@code parent}, or empty if absent or JSON null. */
    public static OptionalLong optionalU64(String method, JsonNode parent, String path, String name) {
        Optional<JsonNode> v = optional(parent, name);
        return v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(u64(method, v.get(), path + "." + name));
    }

    /** An address or object id string ({@code 0x}-prefixed hex, short forms allowed). */
    public static SuiAddress objectId(String method, JsonNode node, String path) {
        String s = string(method, node, path);
        try {
            return SuiAddress.parseLenient(s);
        } catch (CryptoException e) {
            throw new SuiProtocolException(method, "unexpected response shape at " + path + ": " + e.getMessage(), e);
        }
    }

    /** A Base64 string's bytes. */
    public static byte[] base64(String method, JsonNode node, String path) {
        String s = string(method, node, path);
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new SuiProtocolException(method, "unexpected response shape at " + path + ": invalid base64", e);
        }
    }

    /** A Base58 string's bytes. */
    public static byte[] base58(String method, JsonNode node, String path) {
        String s = string(method, node, path);
        try {
            return Base58.decode(s);
        } catch (CryptoException e) {
            throw new SuiProtocolException(method, "unexpected response shape at " + path + ": " + e.getMessage(), e);
        }
    }

    /** A short description of {@code node} for error messages. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String s = node.toString();
        return node.getNodeType().name().toLowerCase() + " " + (s.length() > 80 ? s.substring(0, 80) + "..." : s);
    }
}
