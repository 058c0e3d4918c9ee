package io.walrusj.chain.model;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/**
 * A {@code Blob} read by object ID together with its attributes (empty if it has none).
 *
 * @param objectId the object that was asked for: the Blob itself or a {@code SharedBlob} wrapping it
 */
public record BlobWithAttributes(SuiAddress objectId, Blob blob, BlobAttributes attributes) {
    public BlobWithAttributes {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(attributes, "attributes");
    }
}
