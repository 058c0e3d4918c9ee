package io.walrusj.encoder.auth;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a token is checked against before the body is read: the query's {@code epochs} and
 * {@code send_object_to}, and the declared body length ({@code Content-Length}; empty for a
 * chunked body, whose size is only known after reading).
 */
public record UploadFacts(long epochs, Optional<SuiAddress> sendObjectTo, OptionalLong declaredLength) {
    public UploadFacts {
        Objects.requireNonNull(sendObjectTo, "sendObjectTo");
        Objects.requireNonNull(declaredLength, "declaredLength");
    }
}
