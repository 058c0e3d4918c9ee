package io.walrusj.encoder.auth;

import java.util.Set;

/** The HMAC JWS algorithms this publisher verifies, with their JDK {@code Mac} names. */
public enum JwtAlgorithm {
    HS256("HmacSHA256"), HS384("HmacSHA384"), HS512("HmacSHA512");

    /** Every {@code alg} the Rust {@code jsonwebtoken} crate knows; other values make a header undecodable. */
    static final Set<String> KNOWN_NAMES = Set.of("HS256", "HS384", "HS512", "ES256", "ES384", "RS256", "RS384",
            "RS512", "PS256", "PS384", "PS512", "EdDSA");

    private final String macName;

    JwtAlgorithm(String macName) {
        this.macName = macName;
    }

    public String macName() {
        return macName;
    }

    /** The configured algorithm; asymmetric ones are refused at startup rather than silently ignored. */
    public static JwtAlgorithm parse(String name) {
        for (JwtAlgorithm a : values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("publisher.jwt.algorithm=" + name + " is not supported; use HS256, HS384 or HS512"
                + (KNOWN_NAMES.contains(name) ? " (asymmetric algorithms are not implemented)" : ""));
    }
}
