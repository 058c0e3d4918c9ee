package io.walrusj.encoder.auth;

import io.walrusj.core.status.ErrorStatus;
import io.walrusj.encoder.api.DaemonException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes and (with a secret) verifies a compact JWS the way the Rust {@code jsonwebtoken} crate's
 * default {@code Validation} does for Walrus: base64url segments without padding, a known
 * {@code alg} equal to the configured one, an HMAC signature compared in constant time, {@code exp}
 * required and not older than now minus a 60 s leeway, {@code iat} required too when
 * {@code expiring-sec > 0}, and no {@code aud} (none is configured, so any audience is rejected).
 * Without a secret nothing is verified: the claims are only decoded (spec 2.3).
 *
 * <p>Failures map to {@link AuthFailure}: expiry to EXPIRED_SIGNATURE, a wrong signature to
 * INVALID_SIGNATURE, anything malformed (segments, base64, JSON, algorithm, missing or ill-typed
 * claims) to INVALID_TOKEN.
 */
public final class JwtDecoder {
    /** jsonwebtoken's default leeway for {@code exp}. */
    public static final long LEEWAY_SECONDS = 60;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    private final Optional<byte[]> secret;
    private final JwtAlgorithm algorithm;
    private final boolean requireIat;
    private final LongSupplier nowSeconds;

    public JwtDecoder(Optional<byte[]> secret, JwtAlgorithm algorithm, boolean requireIat, LongSupplier nowSeconds) {
        this.secret = secret.map(byte[]::clone);
        this.algorithm = algorithm;
        this.requireIat = requireIat;
        this.nowSeconds = nowSeconds;
    }

    /** Verifies (if a secret is configured) and decodes {@code token}. */
    public JwtClaims decode(String token) {
        String[] parts = split(token.trim());
        JsonNode header = json(parts[0], "header");
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isString() || !JwtAlgorithm.KNOWN_NAMES.contains(alg.stringValue())) {
            throw AuthFailure.INVALID_TOKEN.exception("unknown or missing alg in the header");
        }
        if (secret.isPresent()) {
            if (!algorithm.name().equals(alg.stringValue())) {
                throw AuthFailure.INVALID_TOKEN.exception("alg " + alg.stringValue() + " is not the configured " + algorithm);
            }
            byte[] signature = base64(parts[2], "signature");
            if (!MessageDigest.isEqual(signature, hmac(parts[0] + "." + parts[1]))) {
                throw AuthFailure.INVALID_SIGNATURE.exception();
            }
        }
        JsonNode payload = json(parts[1], "payload");
        if (secret.isPresent()) {
            validateRegisteredClaims(payload);
        }
        try {
            return JwtClaims.fromJson(payload);
        } catch (JwtClaims.MalformedClaims e) {
            throw AuthFailure.INVALID_TOKEN.exception(e.getMessage());
        }
    }

    /** The registered-claim checks of jsonwebtoken's {@code validate}: required claims, exp with leeway, aud. */
    private void validateRegisteredClaims(JsonNode payload) {
        if (!payload.isObject()) {
            throw AuthFailure.INVALID_TOKEN.exception("the payload is not a JSON object");
        }
        JsonNode exp = payload.get("exp");
        if (exp == null || exp.isNull()) {
            throw AuthFailure.INVALID_TOKEN.exception("missing required claim exp");
        }
        if (requireIat && (payload.get("iat") == null || payload.get("iat").isNull())) {
            throw AuthFailure.INVALID_TOKEN.exception("missing required claim iat");
        }
        if (!exp.isIntegralNumber() || !exp.canConvertToLong() || exp.longValue() < 0) {
            throw AuthFailure.INVALID_TOKEN.exception("exp is not a u64");
        }
        if (exp.longValue() < nowSeconds.getAsLong() - LEEWAY_SECONDS) {
            throw AuthFailure.EXPIRED_SIGNATURE.exception();
        }
        if (payload.has("aud")) {
            throw AuthFailure.INVALID_TOKEN.exception("the token names an audience, none is accepted");
        }
    }

    /** {@code header.payload.signature}, split from the right like jsonwebtoken. */
    private static String[] split(String token) {
        int last = token.lastIndexOf('.');
        int middle = last < 0 ? -1 : token.lastIndexOf('.', last - 1);
        if (middle < 0) {
            throw AuthFailure.INVALID_TOKEN.exception("a JWT has three dot-separated parts");
        }
        return new String[] {token.substring(0, middle), token.substring(middle + 1, last), token.substring(last + 1)};
    }

    private static JsonNode json(String segment, String what) {
        byte[] bytes = base64(segment, what);
        try {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw AuthFailure.INVALID_TOKEN.exception("the " + what + " is not JSON");
        }
    }

    private static byte[] base64(String segment, String what) {
        if (segment.indexOf('=') >= 0) {
            throw AuthFailure.INVALID_TOKEN.exception("the " + what + " is padded base64");
        }
        try {
            return B64URL.decode(segment);
        } catch (IllegalArgumentException e) {
            throw AuthFailure.INVALID_TOKEN.exception("the " + what + " is not base64url");
        }
    }

    private byte[] hmac(String signingInput) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(secret.orElseThrow(), algorithm.macName()));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DaemonException(ErrorStatus.INTERNAL, "INTERNAL_ERROR", "HMAC unavailable: " + e, e);
        }
    }
}
