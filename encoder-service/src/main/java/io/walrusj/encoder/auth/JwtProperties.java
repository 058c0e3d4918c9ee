package io.walrusj.encoder.auth;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publisher JWT settings ({@code publisher.jwt.*}), the daemon's {@code --jwt-*} flags. Auth is on
 * when any of {@code decode-secret}, {@code expiring-sec > 0} or {@code verify-upload} is set.
 *
 * @param decodeSecret    HMAC secret: a UTF-8 string, or {@code 0x}-prefixed hex bytes; without it
 *                        tokens are decoded without any signature or expiry check (a gateway
 *                        verified them)
 * @param algorithm       the only accepted {@code alg} (HS256, HS384 or HS512)
 * @param expiringSec     if > 0, every token's {@code exp - iat} must equal it
 * @param verifyUpload    also check body size, epochs and send_object_to against the claims
 * @param replayCacheSize how many used {@code jti}s are remembered at most (earliest expiry evicted first)
 */
@ConfigurationProperties("publisher.jwt")
public record JwtProperties(String decodeSecret, @DefaultValue("HS256") String algorithm,
        @DefaultValue("0") long expiringSec, @DefaultValue("false") boolean verifyUpload,
        @DefaultValue("100000") int replayCacheSize) {

    public boolean enabled() {
        return secret().isPresent() || expiringSec > 0 || verifyUpload;
    }

    /** The secret's bytes: hex after {@code 0x} when it is valid hex, otherwise the UTF-8 bytes. */
    public Optional<byte[]> secret() {
        if (decodeSecret == null || decodeSecret.isEmpty()) {
            return Optional.empty();
        }
        if (decodeSecret.startsWith("0x")) {
            try {
                byte[] bytes = HexFormat.of().parseHex(decodeSecret.substring(2));
                if (bytes.length > 0) {
                    return Optional.of(bytes);
                }
            } catch (IllegalArgumentException e) {
                // not hex: use the text itself
            }
        }
        return Optional.of(decodeSecret.getBytes(StandardCharsets.UTF_8));
    }
}
