package io.walrusj.storage.heal;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.recovery.GeneralRecoverySymbol;
import io.walrusj.core.sliver.SliverType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The few node-to-node requests blob sync makes (plain HTTP; TLS pinning is not implemented). */
public final class NodeClient {
    private final HttpClient http;
    private final Duration timeout;

    public NodeClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Unverified metadata from {@code node} (the caller verifies it against the blob id). */
    public BlobMetadataWithId metadata(URI node, BlobId blobId) throws IOException {
        byte[] body = get(node.resolve("/v1/blobs/" + blobId + "/metadata"));
        return BlobMetadataWithId.fromBcs(body);
    }

    /** Unverified symbols {@code node} holds for the target sliver, proofs over the orthogonal axis. */
    public List<GeneralRecoverySymbol> recoverySymbols(URI node, BlobId blobId, SliverType targetType, int targetIndex)
            throws IOException {
        byte[] body = get(node.resolve("/v1/blobs/" + blobId + "/recoverySymbols?targetSliver=" + targetIndex
                + "&targetType=" + targetType.text() + "&proofAxis=" + targetType.orthogonal().text()));
        return BcsReader.decode(body, r -> r.sequence(GeneralRecoverySymbol::read));
    }

    private byte[] get(URI uri) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<byte[]> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() != 200) {
            throw new IOException("GET " + uri + " -> " + r.statusCode() + ": "
                    + new String(r.body(), 0, Math.min(200, r.body().length)));
        }
        return r.body();
    }
}
