package io.walrusj.encoder.auth;

import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.api.FrameworkRejection;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The publisher's JWT gate (spec 2.3), used by the write routes in two steps: {@link #authenticate}
 * before the body is read (the daemon's auth middleware) and {@link #checkBodySize} once its length
 * is known (the handler's re-check whenever a bearer header is present, auth on or off).
 */
@Component
public class PublisherAuthenticator {
    /** chrono's {@code DateTime::from_timestamp} range: -262143-01-01T00:00:00Z .. 262142-12-31T23:59:59Z. */
    static final long MIN_TIMESTAMP = -8_334_601_228_800L;
    static final long MAX_TIMESTAMP = 8_210_266_876_799L;

    private final JwtProperties props;
    private final JwtDecoder verifier;
    private final JwtDecoder unverified;
    private final ReplayGuard replays;

    @Autowired
    public PublisherAuthenticator(JwtProperties props) {
        this(props, () -> Instant.now().getEpochSecond());
    }

    PublisherAuthenticator(JwtProperties props, LongSupplier nowSeconds) {
        this.props = props;
        JwtAlgorithm algorithm = JwtAlgorithm.parse(props.algorithm());
        this.verifier = new JwtDecoder(props.secret(), algorithm, props.expiringSec() > 0, nowSeconds);
        this.unverified = new JwtDecoder(Optional.empty(), algorithm, false, nowSeconds);
        this.replays = new ReplayGuard(props.replayCacheSize(), nowSeconds);
    }

    public boolean enabled() {
        return props.enabled();
    }

    /**
     * When auth is on: requires {@code Authorization: Bearer <JWT>} (plain-text 400 otherwise),
     * verifies the token, records its {@code jti} and checks the claims against the request.
     *
     * @throws FrameworkRejection for a missing or non-bearer header
     * @throws DaemonException with an {@link AuthFailure} reason
     */
    public void authenticate(String authorizationHeader, UploadFacts facts) {
        if (!enabled()) {
            return;
        }
        String token = bearerToken(authorizationHeader)
                .orElseThrow(() -> new FrameworkRejection(authorizationHeader == null
                        ? "Header of type `authorization` was missing"
                        : "invalid HTTP header (authorization)"));
        JwtClaims claims = verifier.decode(token);
        if (claims.exp() < MIN_TIMESTAMP || claims.exp() > MAX_TIMESTAMP) {
            throw AuthFailure.INVALID_TIMESTAMP.exception("exp " + claims.exp());
        }
        // Recorded before the remaining checks so two concurrent requests with one token cannot both pass.
        if (!replays.tryUse(claims.jti(), claims.exp())) {
            throw AuthFailure.TOKEN_ALREADY_USED.exception();
        }
        try {
            checkClaims(claims, facts);
        } catch (DaemonException e) {
            replays.release(claims.jti());
            throw e;
        }
    }

    /**
     * The handler's re-check of {@code size} / {@code max_size} against the real body length, made
     * whenever a bearer token is sent. With auth off, an undecodable token is INVALID_TOKEN (400)
     * where Walrus answers 500.
     */
    public void checkBodySize(String authorizationHeader, long bodyLength) {
        Optional<String> token = bearerToken(authorizationHeader);
        if (token.isEmpty()) {
            return;
        }
        JwtClaims claims = unverified.decode(token.get());
        if (claims.maxSize().isPresent() && Long.compareUnsigned(bodyLength, claims.maxSize().getAsLong()) > 0) {
            throw AuthFailure.INVALID_SIZE.exception("the body has " + bodyLength + " bytes, max_size is "
                    + Long.toUnsignedString(claims.maxSize().getAsLong()));
        }
        if (claims.size().isPresent() && bodyLength != claims.size().getAsLong()) {
            throw AuthFailure.INVALID_SIZE.exception("the body has " + bodyLength + " bytes, size is "
                    + Long.toUnsignedString(claims.size().getAsLong()));
        }
    }

    /** Used token ids currently remembered (for tests and metrics). */
    public int rememberedTokens() {
        return replays.size();
    }

    private void checkClaims(JwtClaims claims, UploadFacts facts) {
        if (props.expiringSec() > 0 && claims.exp() - claims.iat().orElse(0) != props.expiringSec()) {
            throw AuthFailure.INVALID_EXPIRATION.exception("exp - iat must be " + props.expiringSec() + " s");
        }
        if ((claims.size().isPresent() && claims.maxSize().isPresent())
                || (claims.epochs().isPresent() && claims.maxEpochs().isPresent())) {
            throw AuthFailure.INCONSISTENT_TOKEN.exception();
        }
        if (!props.verifyUpload()) {
            return;
        }
        checkDeclaredSize(claims, facts.declaredLength());
        if (claims.epochs().isPresent() && facts.epochs() != claims.epochs().getAsLong()) {
            throw AuthFailure.INVALID_EPOCHS.exception("the token allows exactly " + claims.epochs().getAsLong() + " epochs");
        }
        if (claims.maxEpochs().isPresent() && facts.epochs() > claims.maxEpochs().getAsLong()) {
            throw AuthFailure.INVALID_EPOCHS.exception("the token allows at most " + claims.maxEpochs().getAsLong() + " epochs");
        }
        if (claims.sendObjectTo().isPresent() && !claims.sendObjectTo().equals(facts.sendObjectTo())) {
            throw AuthFailure.INVALID_SEND_OBJECT_TO.exception();
        }
    }

    /** Against the body's size hint: exact for a Content-Length, unknown upper bound for a chunked body. */
    private static void checkDeclaredSize(JwtClaims claims, OptionalLong declared) {
        if (declared.isEmpty()) {
            return;
        }
        long length = declared.getAsLong();
        if (claims.maxSize().isPresent() && Long.compareUnsigned(length, claims.maxSize().getAsLong()) > 0) {
            throw AuthFailure.INVALID_SIZE.exception("Content-Length " + length + " exceeds max_size");
        }
        if (claims.size().isPresent() && length != claims.size().getAsLong()) {
            throw AuthFailure.INVALID_SIZE.exception("Content-Length " + length + " differs from size");
        }
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive), if the header is one. */
    static Optional<String> bearerToken(String header) {
        if (header == null || header.length() <= 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
