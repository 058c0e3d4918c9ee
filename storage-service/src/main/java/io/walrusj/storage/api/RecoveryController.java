package io.walrusj.storage.api;

import io.walrusj.core.VerificationException;
import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.InvalidBlobIdMessage;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.EncodingException;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.recovery.DecodingSymbol;
import io.walrusj.core.recovery.GeneralRecoverySymbol;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.core.recovery.RecoverySymbol;
import io.walrusj.core.recovery.SliverSymbolSource;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.core.sliver.SymbolId;
import io.walrusj.storage.config.StorageProperties;
import io.walrusj.storage.limits.BoundedBodyReader;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.symbols.SymbolSourceCache;
import io.walrusj.storage.sync.NodeState;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node-to-node recovery routes (docs/spec/walrus-storage-node-api.md 6.1-6.3): recovery symbols (with
 * Merkle proofs, from expanded slivers cached in {@link SymbolSourceCache}), decoding symbols
 * (systematic symbols read straight from stored slivers) and inconsistency proofs answered with a
 * signed {@code INVALID_BLOB_ID} attestation.
 */
@RestController
public class RecoveryController {
    private final SliverStore store;
    private final NodeState state;
    private final BlsKeyPair key;
    private final SymbolSourceCache cache;
    private final Semaphore limiter;
    private final BoundedBodyReader bodies;

    public RecoveryController(SliverStore store, NodeState state, BlsKeyPair key, SymbolSourceCache cache,
            StorageProperties props, BoundedBodyReader bodies) {
        this.bodies = bodies;
        this.store = store;
        this.state = state;
        this.key = key;
        this.cache = cache;
        this.limiter = new Semaphore(props.recoverySymbolConcurrency());
    }

    // ================================================================== recovery symbols

    @GetMapping("/v1/blobs/{blobId}/recoverySymbols")
    public ResponseEntity<byte[]> recoverySymbols(@PathVariable String blobId, HttpServletRequest req) {
        BlobId id = ApiRequests.blobId(blobId);
        Map<String, List<String>> q = ApiRequests.multiQuery(req, Set.of("id", "targetSliver", "targetType", "proofAxis"), Set.of("id"));
        NodeState.Snapshot s = state.get();
        EncodingConfig config = config(s);
        int n = config.nShards();
        Optional<SliverType> proofAxis = Optional.ofNullable(single(q, "proofAxis")).map(RecoveryController::axis);
        boolean byIds = q.containsKey("id");
        boolean byTarget = q.containsKey("targetSliver") || q.containsKey("targetType");
        if (byIds && byTarget) {
            throw ApiException.invalidFilter("give either `id` or `targetSliver` with `targetType`, not both");
        }
        List<SymbolId> ids = new ArrayList<>();
        if (byTarget) {
            String target = single(q, "targetSliver");
            String type = single(q, "targetType");
            if (target == null || type == null) {
                throw ApiException.invalidFilter("`targetSliver` and `targetType` go together");
            }
            int t = u16("targetSliver", target);
            SliverType targetType = axis(type);
            if (t >= n) {
                throw ApiException.recoverySymbolOutOfRange("target sliver " + t + " with " + n + " shards");
            }
            // default proof axis: the source is the orthogonal sliver of each owned pair
            proofAxis = Optional.of(proofAxis.orElse(targetType.orthogonal()));
            int offset = id.rotationOffset(n);
            for (int shard : s.ownedShards().stream().sorted().toList()) {
                int pair = config.pairForShard(shard, offset);
                ids.add(targetType == SliverType.PRIMARY
                        ? new SymbolId(t, config.sliverIndex(SliverType.SECONDARY, pair))
                        : new SymbolId(config.sliverIndex(SliverType.PRIMARY, pair), t));
            }
        } else {
            for (String text : q.getOrDefault("id", List.of())) {
                SymbolId sid;
                try {
                    sid = SymbolId.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new PathRejection("Failed to deserialize query string: id: " + e.getMessage());
                }
                if (sid.primary() >= n || sid.secondary() >= n) {
                    throw ApiException.recoverySymbolOutOfRange("symbol " + sid + " with " + n + " shards");
                }
                ids.add(sid);
            }
            if (ids.isEmpty()) {
                throw ApiException.noSymbolsSpecified();
            }
        }
        if (!limiter.tryAcquire()) {
            throw ApiException.limiterExhausted();
        }
        try {
            if (!registered(id, s)) {
                throw ApiException.sliverNotFound();
            }
            List<GeneralRecoverySymbol> out = new ArrayList<>();
            ApiException last = ApiException.symbolNotPresentAtShards();
            int offset = id.rotationOffset(n);
            for (SymbolId sid : ids) {
                try {
                    out.add(symbol(config, s, id, offset, sid, proofAxis));
                } catch (ApiException e) {
                    last = e;
                }
            }
            if (out.isEmpty()) {
                throw last;
            }
            byte[] body = BcsWriter.encode(w -> w.sequence(out, (ww, g) -> g.writeBcs(ww)));
            return ResponseEntity.ok().contentType(ApiRequests.OCTET).body(body);
        } finally {
            limiter.release();
        }
    }

    /** Element (i, j) from primary sliver i (proof over the primary axis) or secondary sliver j. */
    private GeneralRecoverySymbol symbol(EncodingConfig config, NodeState.Snapshot s, BlobId id, int offset, SymbolId sid,
            Optional<SliverType> proofAxis) {
        List<SliverType> candidates = proofAxis.map(List::of).orElse(List.of(SliverType.PRIMARY, SliverType.SECONDARY));
        ApiException last = ApiException.symbolNotPresentAtShards();
        for (SliverType source : candidates) {
            int sourceIndex = source == SliverType.PRIMARY ? sid.primary() : sid.secondary();
            int target = source == SliverType.PRIMARY ? sid.secondary() : sid.primary();
            int pair = config.pairIndex(source, sourceIndex);
            if (!s.owns(config.shardForPair(pair, offset))) {
                continue;
            }
            Optional<SliverSymbolSource> src = cache.get(config, id, pair, source, () -> store.getSliver(id, pair, source));
            if (src.isEmpty()) {
                last = ApiException.sliverNotFound();
                continue;
            }
            return src.get().recoverySymbol(target);
        }
        throw last;
    }

    // ================================================================== decoding symbols

    @GetMapping("/v1/blobs/{blobId}/decodingSymbols")
    public ResponseEntity<byte[]> decodingSymbols(@PathVariable String blobId, HttpServletRequest req) {
        BlobId id = ApiRequests.blobId(blobId);
        Map<String, List<String>> q = ApiRequests.multiQuery(req, Set.of("targetSlivers", "targetType"), Set.of("targetSlivers"));
        String type = single(q, "targetType");
        if (type == null) {
            throw new PathRejection("Failed to deserialize query string: missing field `targetType`");
        }
        SliverType targetType = axis(type);
        NodeState.Snapshot s = state.get();
        EncodingConfig config = config(s);
        SliverType sourceType = targetType.orthogonal();
        int systematic = config.symbolsPerSliver(sourceType);
        List<Integer> targets = new ArrayList<>();
        for (String t : q.getOrDefault("targetSlivers", List.of())) {
            int index = u16("targetSlivers", t);
            if (index >= systematic) {
                throw ApiException.recoverySymbolOutOfRange("target " + targetType.text() + " sliver " + index
                        + " is not systematic (must be < " + systematic + ")");
            }
            if (!targets.contains(index)) {
                targets.add(index);
            }
        }
        if (targets.isEmpty()) {
            throw ApiException.noTargetSliversSpecified();
        }
        if (!registered(id, s)) {
            throw ApiException.sliverNotFound();
        }
        int offset = id.rotationOffset(config.nShards());
        List<SliverData> sources = new ArrayList<>();
        for (int shard : s.ownedShards().stream().sorted().toList()) {
            store.getSliver(id, config.pairForShard(shard, offset), sourceType).ifPresent(sources::add);
        }
        // BCS map order: by the key's BCS bytes (u16 little endian)
        TreeMap<Integer, List<DecodingSymbol>> map = new TreeMap<>((a, b) -> Integer.compare(
                ((a & 0xFF) << 8) | (a >>> 8), ((b & 0xFF) << 8) | (b >>> 8)));
        for (int t : targets) {
            List<DecodingSymbol> list = new ArrayList<>();
            for (SliverData src : sources) {
                int size = src.symbolSize();
                byte[] data = java.util.Arrays.copyOfRange(src.data(), t * size, (t + 1) * size);
                list.add(new DecodingSymbol(src.index(), data));
            }
            map.put(t, list);
        }
        byte[] body = BcsWriter.encode(w -> {
            w.uleb128(map.size());
            map.forEach((t, list) -> {
                w.u16(t);
                w.sequence(list, (ww, d) -> {
                    targetType.writeBcs(ww);
                    d.writeBcs(ww);
                });
            });
        });
        return ResponseEntity.ok().contentType(ApiRequests.OCTET).body(body);
    }

    // ================================================================== inconsistency proofs

    @PostMapping("/v1/blobs/{blobId}/inconsistencyProof/{type}")
    public ResponseEntity<Map<String, Object>> inconsistencyProof(@PathVariable String blobId, @PathVariable String type,
            HttpServletRequest req) {
        BlobId id = ApiRequests.blobId(blobId);
        SliverType targetType = ApiRequests.sliverType(type);
        ApiRequests.query(req, Set.of());
        NodeState.Snapshot s = state.get();
        EncodingConfig config = config(s);
        byte[] body = ApiRequests.body(req, proofBodyLimit(config), bodies);
        InconsistencyProof proof;
        try {
            proof = BcsReader.decode(body, r -> new InconsistencyProof(targetType, r.u16(), r.sequence(RecoverySymbol::read)));
        } catch (BcsException | IllegalArgumentException e) {
            throw ApiException.invalidContentType("the body is not a BCS " + targetType.text() + " InconsistencyProof: "
                    + e.getMessage());
        }
        BlobMetadata metadata = store.getMetadata(id).orElseThrow(ApiException::metadataMissingForSliver);
        try {
            proof.verify(config, metadata);
        } catch (VerificationException | EncodingException e) {
            throw ApiException.invalidProof(e.getMessage());
        }
        byte[] message = new InvalidBlobIdMessage(s.epoch(), id).toBytes();
        BlsSignature signature = key.sign(message);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serializedMessage", Base64.getEncoder().encodeToString(message));
        data.put("signature", signature.toBase64());
        return ApiRequests.success(HttpStatus.OK, data);
    }

    /** s symbols of at most the maximal symbol size, each with a proof of ceil(log2 n) 32-byte nodes. */
    static long proofBodyLimit(EncodingConfig config) {
        int depth = 32 - Integer.numberOfLeadingZeros(Math.max(1, config.nShards() - 1));
        long perSymbol = 2 + 5 + EncodingConfig.MAX_SYMBOL_SIZE + 5 + 32L * depth;
        return 2 + 5 + perSymbol * config.secondarySymbols();
    }

    // ================================================================== helpers

    private boolean registered(BlobId id, NodeState.Snapshot s) {
        return store.getBlobInfo(id).map(i -> !i.invalid() && i.registeredAt(s.epoch())).orElse(false);
    }

    private static EncodingConfig config(NodeState.Snapshot s) {
        if (!s.knowsShardCount()) {
            throw ApiException.notReady("the number of shards is not known yet");
        }
        return s.config();
    }

    private static SliverType axis(String text) {
        try {
            return SliverType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PathRejection("Failed to deserialize query string: unknown variant `" + text
                    + "`, expected `primary` or `secondary`");
        }
    }

    private static int u16(String name, String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(text) > 0xFFFF) {
            throw new PathRejection("Failed to deserialize query string: " + name + ": invalid u16 `" + text + "`");
        }
        return Integer.parseInt(text);
    }

    private static String single(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null ? null : v.getFirst();
    }
}
