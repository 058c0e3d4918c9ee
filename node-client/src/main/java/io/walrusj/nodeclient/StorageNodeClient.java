package io.walrusj.nodeclient;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.recovery.GeneralRecoverySymbol;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.core.sliver.SymbolId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the storage-node API of any node (base URL per call). Bodies are BCS as the spec defines
 * them; error bodies become {@link NodeApiException}s carrying the node's reason code; transport
 * failures and timeouts are plain {@link IOException}s. Thread-safe; one instance per process.
 *
 * <p>Nothing returned is verified: metadata, slivers and symbols must be checked against the blob
 * id / metadata, signatures against the committee, by the caller.
 */
public final class StorageNodeClient implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OCTET = "application/octet-stream";

    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * @param connectTimeout  TCP connect timeout
     * @param requestTimeout  whole-request timeout (sliver uploads of large blobs need more than status probes)
     */
    public StorageNodeClient(Duration connectTimeout, Duration requestTimeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** How a PUT was answered: 201 stored, 200 already stored, 202 buffered pending registration. */
    public enum StoreOutcome {
        STORED, ALREADY_STORED, BUFFERED;

        static StoreOutcome of(int status) {
            return switch (status) {
                case 201 -> STORED;
                case 202 -> BUFFERED;
                default -> ALREADY_STORED;
            };
        }
    }

    // ------------------------------------------------------------------ writes

    /** {@code PUT /v1/blobs/{id}/metadata[?pending=true]} with the BCS {@code BlobMetadata} (no id prefix). */
    public StoreOutcome putMetadata(URI node, BlobId blobId, BlobMetadata metadata, boolean pending) throws IOException {
        URI uri = resolve(node, "/v1/blobs/" + blobId + "/metadata" + (pending ? "?pending=true" : ""));
        return StoreOutcome.of(send(put(uri, metadata.toBcs())).statusCode());
    }

    /** {@code PUT /v1/blobs/{id}/slivers/{pair}/{type}} with the BCS {@code SliverData}. */
    public StoreOutcome putSliver(URI node, BlobId blobId, int pairIndex, SliverData sliver, boolean pending)
            throws IOException {
        URI uri = resolve(node, sliverPath(blobId, pairIndex, sliver.type()) + (pending ? "?pending=true" : ""));
        return StoreOutcome.of(send(put(uri, sliver.toBcs())).statusCode());
    }

    // ------------------------------------------------------------------ reads

    /** {@code GET /v1/blobs/{id}/metadata}: unverified; check the id and {@code BlobMetadata.verify}. */
    public BlobMetadataWithId getMetadata(URI node, BlobId blobId) throws IOException {
        byte[] body = send(get(resolve(node, "/v1/blobs/" + blobId + "/metadata"))).body();
        return decode(() -> BlobMetadataWithId.fromBcs(body), "metadata");
    }

    /** {@code GET /v1/blobs/{id}/slivers/{pair}/{type}}: unverified; check with {@code SliverData.verify}. */
    public SliverData getSliver(URI node, BlobId blobId, int pairIndex, SliverType type) throws IOException {
        byte[] body = send(get(resolve(node, sliverPath(blobId, pairIndex, type)))).body();
        return decode(() -> SliverData.fromBcs(body, type), "sliver");
    }

    /** {@code GET /v1/blobs/{id}/confirmation/permanent}. */
    public SignedConfirmation permanentConfirmation(URI node, BlobId blobId) throws IOException {
        return permanentConfirmation(node, blobId, Duration.ZERO);
    }

    /**
     * {@code GET /v1/blobs/{id}/confirmation/permanent?wait_for_registration=true&wait_millis=...}:
     * a node that has not seen the registration yet may wait up to {@code waitForRegistration} (and
     * its own maximum) before answering {@code NOT_REGISTERED}. Zero asks without waiting.
     */
    public SignedConfirmation permanentConfirmation(URI node, BlobId blobId, Duration waitForRegistration)
            throws IOException {
        return confirmation(resolve(node, "/v1/blobs/" + blobId + "/confirmation/permanent" + waitQuery(waitForRegistration)));
    }

    /** {@code GET /v1/blobs/{id}/confirmation/deletable/{objectId}}. */
    public SignedConfirmation deletableConfirmation(URI node, BlobId blobId, SuiAddress objectId) throws IOException {
        return deletableConfirmation(node, blobId, objectId, Duration.ZERO);
    }

    /** The deletable confirmation, waiting for the registration as {@link #permanentConfirmation(URI, BlobId, Duration)}. */
    public SignedConfirmation deletableConfirmation(URI node, BlobId blobId, SuiAddress objectId,
            Duration waitForRegistration) throws IOException {
        return confirmation(resolve(node, "/v1/blobs/" + blobId + "/confirmation/deletable/" + objectId
                + waitQuery(waitForRegistration)));
    }

    private static String waitQuery(Duration wait) {
        return wait.isZero() || wait.isNegative() ? "" : "?wait_for_registration=true&wait_millis=" + wait.toMillis();
    }

    /** {@code GET /v1/blobs/{id}/status}. */
    public NodeBlobStatus blobStatus(URI node, BlobId blobId) throws IOException {
        JsonNode data = successData(send(get(resolve(node, "/v1/blobs/" + blobId + "/status"))));
        return decode(() -> parseStatus(data), "blob status");
    }

    /**
     * {@code GET /v1/blobs/{id}/recoverySymbols?targetSliver=&targetType=&proofAxis=<orthogonal>}:
     * every symbol the node holds for the target sliver, proofs over the orthogonal axis.
     */
    public List<GeneralRecoverySymbol> recoverySymbols(URI node, BlobId blobId, SliverType targetType, int targetIndex)
            throws IOException {
        byte[] body = send(get(resolve(node, "/v1/blobs/" + blobId + "/recoverySymbols?targetSliver=" + targetIndex
                + "&targetType=" + targetType.text() + "&proofAxis=" + targetType.orthogonal().text()))).body();
        return decode(() -> BcsReader.decode(body, r -> r.sequence(GeneralRecoverySymbol::read)), "recovery symbols");
    }

    /**
     * {@code GET /v1/blobs/{id}/recoverySymbols?id=<row>-<col>&...&proofAxis=}: the listed matrix
     * elements the node can serve, in request order (unservable ids are skipped by the node), each
     * with a Merkle proof over its {@code proofAxis} sliver (pass the axis orthogonal to the sliver
     * being recovered). Sent as one request: servers cap the request line (Tomcat at 8 KiB by
     * default), so callers keep {@code ids} short (about 11 characters per id) and split longer lists.
     */
    public List<GeneralRecoverySymbol> recoverySymbols(URI node, BlobId blobId, List<SymbolId> ids, SliverType proofAxis)
            throws IOException {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no symbol ids");
        }
        String query = ids.stream().map(id -> "id=" + id).collect(Collectors.joining("&"));
        byte[] body = send(get(resolve(node, "/v1/blobs/" + blobId + "/recoverySymbols?" + query
                + "&proofAxis=" + proofAxis.text()))).body();
        return decode(() -> BcsReader.decode(body, r -> r.sequence(GeneralRecoverySymbol::read)), "recovery symbols");
    }

    /**
     * {@code POST /v1/blobs/{id}/inconsistencyProof/{type}} with the proof's inner struct (target
     * index + symbols, not wrapped in the axis enum): the node's signed {@code INVALID_BLOB_ID}
     * attestation. Unverified: check the message bytes and the signature against the node's key.
     */
    public SignedMessage inconsistencyProof(URI node, BlobId blobId, InconsistencyProof proof) throws IOException {
        byte[] body = BcsWriter.encode(w -> {
            w.u16(proof.targetSliverIndex());
            w.sequence(proof.recoverySymbols(), (ww, symbol) -> symbol.writeBcs(ww));
        });
        URI uri = resolve(node, "/v1/blobs/" + blobId + "/inconsistencyProof/" + proof.targetType().text());
        JsonNode data = successData(send(post(uri, body)));
        return decode(() -> new SignedMessage(Base64.getDecoder().decode(data.path("serializedMessage").asString()),
                BlsSignature.fromBase64(data.path("signature").asString())), "inconsistency-proof attestation");
    }

    /** A node's signed protocol message as received (spec 9: {@code serializedMessage} + BLS {@code signature}). */
    public record SignedMessage(byte[] serializedMessage, BlsSignature signature) {
        public SignedMessage {
            serializedMessage = serializedMessage.clone();
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public byte[] serializedMessage() {
            return serializedMessage.clone();
        }
    }

    /** {@code GET /v1/health}: true if the node answers 200. */
    public boolean isHealthy(URI node) {
        try {
            return send(get(resolve(node, "/v1/health"))).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        http.close();
    }

    // ------------------------------------------------------------------ plumbing

    private SignedConfirmation confirmation(URI uri) throws IOException {
        JsonNode signed = successData(send(get(uri))).path("signed");
        return decode(() -> new SignedConfirmation(
                Base64.getDecoder().decode(signed.path("serializedMessage").asString()),
                BlsSignature.fromBase64(signed.path("signature").asString())), "confirmation");
    }

    static NodeBlobStatus parseStatus(JsonNode data) {
        if (data.isString()) {
            if ("nonexistent".equals(data.asString())) {
                return new NodeBlobStatus.Nonexistent();
            }
            throw new IllegalArgumentException("unknown blob status " + data);
        }
        if (data.has("invalid")) {
            return new NodeBlobStatus.Invalid(eventId(data.path("invalid").path("event")));
        }
        if (data.has("permanent")) {
            JsonNode p = data.path("permanent");
            return new NodeBlobStatus.Permanent(p.path("endEpoch").asLong(), p.path("isCertified").asBoolean(),
                    eventId(p.path("statusEvent")), counts(p.path("deletableCounts")),
                    optionalLong(p.path("initialCertifiedEpoch")));
        }
        if (data.has("deletable")) {
            JsonNode d = data.path("deletable");
            return new NodeBlobStatus.Deletable(optionalLong(d.path("initialCertifiedEpoch")),
                    counts(d.path("deletableCounts")));
        }
        throw new IllegalArgumentException("unknown blob status " + data);
    }

    private static NodeBlobStatus.DeletableCounts counts(JsonNode c) {
        return new NodeBlobStatus.DeletableCounts(c.path("count_deletable_total").asLong(),
                c.path("count_deletable_certified").asLong());
    }

    private static OptionalLong optionalLong(JsonNode n) {
        return n.isNumber() ? OptionalLong.of(n.asLong()) : OptionalLong.empty();
    }

    private static EventId eventId(JsonNode e) {
        if (!e.path("txDigest").isString()) {
            throw new IllegalArgumentException("event id without txDigest: " + e);
        }
        return new EventId(e.path("txDigest").asString(), Long.parseLong(e.path("eventSeq").asString("0")));
    }

    private JsonNode successData(HttpResponse<byte[]> response) throws IOException {
        try {
            JsonNode root = JSON.readTree(response.body());
            JsonNode data = root.path("success").path("data");
            if (data.isMissingNode()) {
                throw new IOException("no success.data in " + preview(response.body()));
            }
            return data;
        } catch (JacksonException e) {
            throw new IOException("undecodable JSON from " + response.uri() + ": " + e.getOriginalMessage(), e);
        }
    }

    private HttpRequest put(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Content-Type", OCTET)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpRequest post(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Content-Type", OCTET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        HttpResponse<byte[]> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() >= 300) {
            throw error(request, r);
        }
        return r;
    }

    private static NodeApiException error(HttpRequest request, HttpResponse<byte[]> r) {
        String reason = null;
        String message = preview(r.body());
        try {
            JsonNode err = JSON.readTree(r.body()).path("error");
            if (err.isObject()) {
                message = err.path("message").asString(message);
                for (JsonNode d : err.path("details")) {
                    if (d.path("reason").isString()) {
                        reason = d.path("reason").asString();
                        break;
                    }
                }
            }
        } catch (JacksonException e) {
            // plain-text rejection: keep the preview
        }
        return new NodeApiException(r.statusCode(), reason,
                request.method() + " " + request.uri() + " -> " + r.statusCode() + (reason == null ? "" : " " + reason)
                        + ": " + message);
    }

    private static String preview(byte[] body) {
        return new String(body, 0, Math.min(300, body.length), StandardCharsets.UTF_8);
    }

    private static String sliverPath(BlobId blobId, int pairIndex, SliverType type) {
        return "/v1/blobs/" + blobId + "/slivers/" + pairIndex + "/" + type.text();
    }

    private static URI resolve(URI node, String path) {
        return node.resolve(path);
    }

    private interface Decoder<T> {
        T decode();
    }

    private static <T> T decode(Decoder<T> decoder, String what) throws IOException {
        try {
            return decoder.decode();
        } catch (RuntimeException e) {
            throw new IOException("undecodable " + what + ": " + e.getMessage(), e);
        }
    }
}
