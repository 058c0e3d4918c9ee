package io.walrusj.chain.grpc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a Sui gRPC list call. Pass {@code nextPageToken} back (with the same other
 * parameters) for the next page; absent on the last page. The token is opaque and not copied.
 */
public record Page<T>(List<T> items, Optional<byte[]> nextPageToken) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextPageToken, "nextPageToken");
    }

    public boolean hasNextPage() {
        return nextPageToken.isPresent();
    }
}
