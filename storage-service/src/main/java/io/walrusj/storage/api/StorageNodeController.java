package io.walrusj.storage.api;

import static io.walrusj.storage.api.ApiRequests.OCTET;
import static io.walrusj.storage.api.ApiRequests.blobId;
import static io.walrusj.storage.api.ApiRequests.body;
import static io.walrusj.storage.api.ApiRequests.config;
import static io.walrusj.storage.api.ApiRequests.bool;
import static io.walrusj.storage.api.ApiRequests.pairIndex;
import static io.walrusj.storage.api.ApiRequests.query;
import static io.walrusj.storage.api.ApiRequests.sliverType;
import static io.walrusj.storage.api.ApiRequests.success;

import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.VerificationException;
import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.config.StorageProperties;
import io.walrusj.storage.heal.BlobSyncer;
import io.walrusj.storage.limits.BoundedBodyReader;
import io.walrusj.storage.pending.PendingUploads;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.ChainSync;
import io.walrusj.storage.sync.NodeState;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Walrus storage-node API's metadata, sliver, blob-status and health routes
 * (docs/spec/walrus-storage-node-api.md 3-5, 7). Confirmations: {@link ConfirmationController}; recovery and
 * inconsistency proofs: {@link RecoveryController}; shard sync: {@link SyncShardController}.
 */
@RestController
public class StorageNodeController {
    /** Slack over the sliver bytes allowed in a PUT sliver body (length prefix, symbol size, index). */
    static final int SLIVER_BODY_SLACK = 128;

    private final SliverStore store;
    private final NodeState state;
    private final BlsKeyPair key;
    private final StorageProperties props;
    private final ChainSync sync;
    private final BlobSyncer syncer;
    private final PendingUploads pendingUploads;
    private final BoundedBodyReader bodies;

    public StorageNodeController(SliverStore store, NodeState state, BlsKeyPair key, StorageProperties props,
            ChainSync sync, BlobSyncer syncer, PendingUploads pendingUploads, BoundedBodyReader bodies) {
        this.bodies = bodies;
        this.pendingUploads = pendingUploads;
        this.syncer = syncer;
        this.store = store;
        this.state = state;
        this.key = key;
        this.props = props;
        this.sync = sync;
    }

    // ================================================================== metadata

    @GetMapping("/v1/blobs/{blobId}/metadata")
    public ResponseEntity<byte[]> getMetadata(@PathVariable String blobId, HttpServletRequest req) {
        BlobId id = blobId(blobId);
        query(req, Set.of("pending")); // listed in the OpenAPI; ignored
        NodeState.Snapshot s = state.get();
        if (!registered(id, s)) {
            throw ApiException.metadataNotFoundGet();
        }
        BlobMetadata m = store.getMetadata(id).orElseThrow(ApiException::metadataNotFoundGet);
        byte[] body = new io.walrusj.core.metadata.BlobMetadataWithId(id, m).toBcs();
        return ResponseEntity.ok().contentType(OCTET).body(body);
    }

    @PutMapping("/v1/blobs/{blobId}/metadata")
    public ResponseEntity<Map<String, Object>> putMetadata(@PathVariable String blobId, HttpServletRequest req) {
        BlobId id = blobId(blobId);
        boolean pending = pendingFlag(query(req, Set.of("pending")));
        byte[] body = body(req, props.maxBodyBytes(), bodies);
        BlobMetadata metadata;
        try {
            metadata = BlobMetadata.fromBcs(body);
        } catch (BcsException | IllegalArgumentException e) {
            throw ApiException.invalidContentType("the body is not a BCS BlobMetadata: " + e.getMessage());
        }
        NodeState.Snapshot s = state.get();
        Optional<BlobInfo> info = store.getBlobInfo(id);
        if (info.isPresent() && info.get().invalid()) {
            throw ApiException.invalidBlob(eventText(info.get().invalidEvent().orElseThrow()));
        }
        if (registered(id, s)) {
            pendingUploads.flush(id); // buffered metadata of a blob registered a moment ago
        }
        if (store.hasMetadata(id) || pendingUploads.metadata(id).isPresent()) {
            return success(HttpStatus.OK, "metadata already stored");
        }
        EncodingConfig config = config(s);
        try {
            metadata.verify(config, id);
        } catch (VerificationException e) {
            throw ApiException.invalidMetadata(e.getMessage());
        }
        if (!registered(id, s)) {
            if (!pending) {
                throw ApiException.notRegistered();
            }
            PendingUploads.Put put = pendingUploads.putMetadata(id, metadata, body.length, req.getRemoteAddr());
            if (put.refusal().isPresent()) {
                throw ApiException.cacheSaturated();
            }
            flushIfRegistered(id); // registered between the check and the buffering
            return put.alreadyBuffered() ? success(HttpStatus.OK, "metadata already stored")
                    : success(HttpStatus.ACCEPTED, "metadata buffered pending registration");
        }
        store.putMetadata(id, metadata);
        return success(HttpStatus.CREATED, "metadata successfully stored");
    }

    @GetMapping("/v1/blobs/{blobId}/metadata/status")
    public ResponseEntity<Map<String, Object>> metadataStatus(@PathVariable String blobId, HttpServletRequest req) {
        BlobId id = blobId(blobId);
        query(req, Set.of());
        return success(HttpStatus.OK, store.hasMetadata(id) ? "stored" : "nonexistent");
    }

    // ================================================================== slivers

    @GetMapping("/v1/blobs/{blobId}/slivers/{pair}/{type}")
    public ResponseEntity<byte[]> getSliver(@PathVariable String blobId, @PathVariable String pair,
            @PathVariable String type, HttpServletRequest req) {
        BlobId id = blobId(blobId);
        int pairIndex = pairIndex(pair);
        SliverType sliverType = sliverType(type);
        NodeState.Snapshot s = state.get();
        checkOwnedPair(id, pairIndex, s);
        if (!registered(id, s)) {
            throw ApiException.sliverNotFound();
        }
        SliverData sliver = store.getSliver(id, pairIndex, sliverType).orElseThrow(ApiException::sliverNotFound);
        return ResponseEntity.ok().contentType(OCTET).body(sliver.toBcs());
    }

    @PutMapping("/v1/blobs/{blobId}/slivers/{pair}/{type}")
    public ResponseEntity<Map<String, Object>> putSliver(@PathVariable String blobId, @PathVariable String pair,
            @PathVariable String type, HttpServletRequest req) {
        BlobId id = blobId(blobId);
        int pairIndex = pairIndex(pair);
        SliverType sliverType = sliverType(type);
        boolean pending = pendingFlag(query(req, Set.of("pending")));
        NodeState.Snapshot s = state.get();
        EncodingConfig config = config(s);
        long limit = (long) config.secondarySymbols() * EncodingConfig.MAX_SYMBOL_SIZE + SLIVER_BODY_SLACK;
        byte[] body = body(req, limit, bodies);
        SliverData sliver;
        try {
            sliver = SliverData.fromBcs(body, sliverType);
        } catch (BcsException | IllegalArgumentException e) {
            throw ApiException.invalidContentType("the body is not a BCS " + sliverType.text() + " SliverData: " + e.getMessage());
        }
        int n = config.nShards();
        if (pairIndex >= n) {
            throw ApiException.indexOutOfRange(pairIndex, n);
        }
        int expectedIndex = config.sliverIndex(sliverType, pairIndex);
        if (sliver.index() != expectedIndex) {
            throw ApiException.sliverIndexMismatch("the " + sliverType.text() + " sliver has index " + sliver.index()
                    + ", sliver pair " + pairIndex + " holds " + sliverType.text() + " sliver " + expectedIndex);
        }
        boolean registered = registered(id, s);
        if (registered && !store.hasMetadata(id)) {
            pendingUploads.flush(id); // buffered metadata of a blob registered a moment ago
        }
        Optional<BlobMetadata> storedMetadata = store.getMetadata(id);
        if (storedMetadata.isEmpty() && !(pending && !registered && pendingUploads.metadata(id).isPresent())) {
            throw ApiException.metadataMissingForSliver();
        }
        if (!registered && !pending) {
            throw ApiException.notRegistered();
        }
        checkOwnedPair(id, pairIndex, s);
        if (!registered) {
            if (store.hasSliver(id, pairIndex, sliverType)) {
                return success(HttpStatus.OK, "sliver already stored");
            }
            PendingUploads.Put put;
            try {
                put = pendingUploads.putSliver(id, pairIndex, sliver, body.length, req.getRemoteAddr());
            } catch (VerificationException e) {
                throw ApiException.invalidSliver(e.getMessage()); // checked against the buffered metadata
            }
            if (put.refusal().isPresent()) {
                throw switch (put.refusal().get()) {
                    case TOO_LARGE -> ApiException.sliverTooLarge(body.length, pendingUploads.maxBytes());
                    case NO_METADATA -> ApiException.metadataMissingForSliver(); // expired meanwhile
                    case SATURATED -> ApiException.cacheSaturated();
                };
            }
            flushIfRegistered(id);
            return put.alreadyBuffered() ? success(HttpStatus.OK, "sliver already stored")
                    : success(HttpStatus.ACCEPTED, "sliver buffered pending registration");
        }
        BlobMetadata metadata = storedMetadata.orElseThrow(ApiException::metadataMissingForSliver);
        if (store.hasSliver(id, pairIndex, sliverType)) {
            return success(HttpStatus.OK, "sliver already stored");
        }
        try {
            sliver.verify(config, metadata);
        } catch (VerificationException e) {
            throw ApiException.invalidSliver(e.getMessage());
        }
        store.putSliver(id, pairIndex, sliver);
        return success(HttpStatus.CREATED, "sliver stored successfully");
    }

    @GetMapping("/v1/blobs/{blobId}/slivers/{pair}/{type}/status")
    public ResponseEntity<Map<String, Object>> sliverStatus(@PathVariable String blobId, @PathVariable String pair,
            @PathVariable String type, HttpServletRequest req) {
        BlobId id = blobId(blobId);
        int pairIndex = pairIndex(pair);
        SliverType sliverType = sliverType(type);
        query(req, Set.of());
        checkOwnedPair(id, pairIndex, state.get());
        String status = store.hasSliver(id, pairIndex, sliverType) ? "stored"
                : pendingUploads.hasSliver(id, pairIndex, sliverType) ? "buffered" : "nonexistent";
        return success(HttpStatus.OK, status);
    }

    // ================================================================== blob status, health

    @GetMapping("/v1/blobs/{blobId}/status")
    public ResponseEntity<Map<String, Object>> blobStatus(@PathVariable String blobId, HttpServletRequest req) {
        BlobId id = blobId(blobId);
        long epoch = state.get().epoch();
        BlobInfo info = store.getBlobInfo(id).orElse(BlobInfo.EMPTY);
        return success(HttpStatus.OK, BlobStatusJson.of(info, epoch));
    }

    @GetMapping("/v1/health")
    public ResponseEntity<Map<String, Object>> health(HttpServletRequest req) {
        Map<String, String> q = query(req, Set.of("detailed"));
        boolean detailed = q.containsKey("detailed") && bool("detailed", q.get("detailed"));
        NodeState.Snapshot s = state.get();
        long up = state.uptimeNanos();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uptime", Map.of("secs", up / 1_000_000_000L, "nanos", up % 1_000_000_000L));
        data.put("epoch", s.epoch());
        data.put("publicKey", key.publicKey().toBase64());
        data.put("nodeStatus", s.fromChain() ? "Active" : "Standby");
        Map<String, Object> progress = new LinkedHashMap<>();
        long applied = sync.eventsApplied();
        progress.put("persisted", applied);
        progress.put("pending", 0);
        progress.put("highestFinishedEventIndex", applied == 0 ? null : applied - 1);
        data.put("eventProgress", progress);
        Map<String, Object> shardStatus = new LinkedHashMap<>();
        shardStatus.put("unknown", 0);
        shardStatus.put("ready", s.ownedShards().size());
        shardStatus.put("inTransfer", 0);
        shardStatus.put("inRecovery", 0);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("owned", s.ownedShards().size());
        summary.put("ownedShardStatus", shardStatus);
        summary.put("readOnly", 0);
        data.put("shardSummary", summary);
        if (detailed) {
            List<Map<String, Object>> owned = new ArrayList<>();
            s.ownedShards().stream().sorted().forEach(shard -> owned.add(Map.of("shard", shard, "status", "ready")));
            data.put("shardDetail", Map.of("owned", owned, "other", List.of()));
            // walrusj extension (not in ServiceHealthInfo): blob-sync progress
            BlobSyncer.Progress p = syncer.progress();
            Map<String, Object> blobSync = new LinkedHashMap<>();
            blobSync.put("inProgress", p.inProgress());
            blobSync.put("healedBlobs", p.healedBlobs());
            blobSync.put("recoveredSlivers", p.recoveredSlivers());
            blobSync.put("failedBlobs", p.failedBlobs());
            blobSync.put("inconsistentBlobs", p.inconsistentBlobs());
            data.put("blobSync", blobSync);
        }
        return success(HttpStatus.OK, data);
    }

    // ================================================================== helpers

    private void flushIfRegistered(BlobId id) {
        if (registered(id, state.get())) {
            pendingUploads.flush(id);
        }
    }

    private boolean registered(BlobId id, NodeState.Snapshot s) {
        return ApiRequests.registered(store, id, s);
    }

    /** Pair index in range and its shard (after the blob's rotation) owned by this node. */
    private static void checkOwnedPair(BlobId id, int pairIndex, NodeState.Snapshot s) {
        EncodingConfig config = config(s);
        int n = config.nShards();
        if (pairIndex >= n) {
            throw ApiException.indexOutOfRange(pairIndex, n);
        }
        int shard = config.shardForPair(pairIndex, id.rotationOffset(n));
        if (!s.owns(shard)) {
            throw ApiException.shardNotAssigned(shard, s.epoch());
        }
    }

    private static boolean pendingFlag(Map<String, String> q) {
        String v = q.get("pending");
        return v != null && bool("pending", v);
    }

    static String eventText(EventId id) {
        return "EventID { tx_digest: " + id.txDigest() + ", event_seq: " + Long.toUnsignedString(id.eventSeq()) + " }";
    }
}
