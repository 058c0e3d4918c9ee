package io.walrusj.encoder.auth;

import io.walrusj.core.crypto.SuiAddress;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The publisher's JWT claims (Walrus {@code auth::Claim}): {@code exp} (i64, required), {@code jti}
 * (string, required), optional {@code iat} (i64), {@code send_object_to} (Sui address),
 * {@code epochs} / {@code max_epochs} (u32), {@code size} / {@code max_size} (u64, held as unsigned
 * longs). Unknown claims are ignored; a claim of the wrong type makes the token invalid.
 */
public record JwtClaims(long exp, String jti, OptionalLong iat, Optional<SuiAddress> sendObjectTo,
        OptionalLong epochs, OptionalLong maxEpochs, OptionalLong size, OptionalLong maxSize) {

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final long U32_MAX = 0xFFFF_FFFFL;

    public JwtClaims {
        Objects.requireNonNull(jti, "jti");
    }

    /** Thrown for a payload that does not deserialize into the claims. */
    static final class MalformedClaims extends Exception {
        MalformedClaims(String message) {
            super(message);
        }
    }

    /** Deserializes the claims as serde would (null counts as absent for the optional ones). */
    static JwtClaims fromJson(JsonNode payload) throws MalformedClaims {
        if (payload == null || !payload.isObject()) {
            throw new MalformedClaims("the payload is not a JSON object");
        }
        JsonNode exp = payload.get("exp");
        if (exp == null || exp.isNull()) {
            throw new MalformedClaims("missing field `exp`");
        }
        JsonNode jti = payload.get("jti");
        if (jti == null || !jti.isString()) {
            throw new MalformedClaims(jti == null ? "missing field `jti`" : "`jti` is not a string");
        }
        return new JwtClaims(i64(exp, "exp"), jti.stringValue(), optionalI64(payload, "iat"),
                optionalAddress(payload), optionalUnsigned(payload, "epochs", BigInteger.valueOf(U32_MAX)),
                optionalUnsigned(payload, "max_epochs", BigInteger.valueOf(U32_MAX)),
                optionalUnsigned(payload, "size", U64_MAX), optionalUnsigned(payload, "max_size", U64_MAX));
    }

    private static long i64(JsonNode node, String name) throws MalformedClaims {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedClaims("`" + name + "` is not an i64");
        }
        return node.longValue();
    }

    private static OptionalLong optionalI64(JsonNode payload, String name) throws MalformedClaims {
        JsonNode node = payload.get(name);
        return node == null || node.isNull() ? OptionalLong.empty() : OptionalLong.of(i64(node, name));
    }

    private static OptionalLong optionalUnsigned(JsonNode payload, String name, BigInteger max) throws MalformedClaims {
        JsonNode node = payload.get(name);
        if (node == null || node.isNull()) {
            return OptionalLong.empty();
        }
        if (!node.isIntegralNumber()) {
            throw new MalformedClaims("`" + name + "` is not an unsigned integer");
        }
        BigInteger v = node.bigIntegerValue();
        if (v.signum() < 0 || v.compareTo(max) > 0) {
            throw new MalformedClaims("`" + name + "` is out of range: " + v);
        }
        return OptionalLong.of(v.longValue()); // u64 above Long.MAX_VALUE wraps: compare unsigned
    }

    private static Optional<SuiAddress> optionalAddress(JsonNode payload) throws MalformedClaims {
        JsonNode node = payload.get("send_object_to");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new MalformedClaims("`send_object_to` is not a string");
        }
        try {
            return Optional.of(SuiAddress.parseLenient(node.stringValue()));
        } catch (RuntimeException e) {
            throw new MalformedClaims("`send_object_to` is not a Sui address: " + e.getMessage());
        }
    }
}
