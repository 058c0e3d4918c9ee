package io.walrusj.chain.grpc;

import io.walrusj.chain.rpc.Owner;
import io.walrusj.chain.rpc.SuiObjectUnavailableException;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An object as read over gRPC with {@link ReadMasks#OBJECT}.
 *
 * @param owner absent only if the server left it out
 * @param type the Move struct tag, or {@code "package"} for a package
 * @param contents the Move struct's BCS ({@code Object.contents}, the bytes JSON-RPC calls
 *     {@code bcs.bcsBytes} and the {@code model} decoders read); absent for packages. Not copied:
 *     treat as read-only.
 */
public record ObjectData(
        SuiAddress objectId,
        long version,
        String digest,
        Optional<Owner> owner,
        Optional<String> type,
        Optional<byte[]> contents) {

    public ObjectData {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contents, "contents");
    }

    /** The Move struct's BCS, or a {@link SuiObjectUnavailableException} if absent (packages). */
    public byte[] requireContents() {
        return contents.orElseThrow(() -> new SuiObjectUnavailableException(null,
                "object " + objectId + " has no Move struct contents (packages have none)", null));
    }
}
