package io.walrusj.storage.api;

import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.crypto.SyncShardMessage;
import io.walrusj.storage.config.StorageProperties;
import io.walrusj.storage.limits.BoundedBodyReader;
import io.walrusj.storage.migrate.ShardSlivers;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.sync.SigningCommittee;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/migrate/sync_shard} (docs/spec/walrus-storage-node-api.md 6.4): a new owner of a shard pulls
 * that shard's slivers, page by page, from the node that held it. The request is a
 * {@code SignedMessage<SyncShardMsg>} signed with the requester's protocol key, named in the
 * {@code Authorization} header; checks in the spec's order, answered with
 * {@code SyncShardResponse::V1}.
 */
@RestController
public class SyncShardController {
    /** BCS bytes of the message (ULEB128 length + 55 bytes) plus the 96-byte signature, with room to spare. */
    private static final long BODY_LIMIT = 4096;

    private final SliverStore store;
    private final NodeState state;
    private final long maxSlivers;

    private final BoundedBodyReader bodies;

    public SyncShardController(SliverStore store, NodeState state, StorageProperties props, BoundedBodyReader bodies) {
        this.bodies = bodies;
        this.store = store;
        this.state = state;
        this.maxSlivers = props.syncShardMaxSlivers();
    }

    private record SignedRequest(byte[] message, byte[] signature) {
    }

    @PostMapping("/v1/migrate/sync_shard")
    public ResponseEntity<?> syncShard(HttpServletRequest req) {
        String authorization = req.getHeader("Authorization");
        if (authorization == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_PLAIN)
                    .body("missing Authorization header with the requester's public key");
        }
        BlsPublicKey requesterKey = publicKey(authorization);
        ApiRequests.query(req, Set.of());
        SignedRequest signed = signedRequest(ApiRequests.body(req, BODY_LIMIT, bodies));

        NodeState.Snapshot s = state.get();
        SigningCommittee committee = s.signing().filter(c -> c.epoch() == s.epoch())
                .orElseThrow(() -> ApiException.notReady("the committee of epoch " + s.epoch() + " is not known yet"));
        SuiAddress requester = member(committee, requesterKey);
        BlsSignature signature;
        try {
            signature = BlsSignature.fromBytes(signed.signature());
        } catch (RuntimeException e) {
            throw ApiException.messageVerificationFailed("the signature does not decode: " + e.getMessage());
        }
        if (!requesterKey.verify(signed.message(), signature)) {
            throw ApiException.messageVerificationFailed("the signature does not verify with the requester's key");
        }
        SyncShardMessage request;
        try {
            request = SyncShardMessage.parse(signed.message());
        } catch (RuntimeException e) {
            throw ApiException.messageVerificationFailed("not a SYNC_SHARD message: " + e.getMessage());
        }
        if (request.requestEpoch() != s.epoch() || request.epoch() != s.epoch()) {
            throw ApiException.invalidEpoch(request.requestEpoch(), s.epoch());
        }
        if (!s.committee().getOrDefault(requester, List.of()).contains(request.shardIndex())) {
            throw ApiException.requestUnauthorized("shard " + request.shardIndex() + " is not assigned to the requester in epoch "
                    + s.epoch());
        }
        if (Long.compareUnsigned(request.sliverCount(), maxSlivers) > 0) {
            throw ApiException.sliverCountExceedsLimit(request.sliverCount(), maxSlivers);
        }
        if (!s.owns(request.shardIndex()) && !s.previousShards().contains(request.shardIndex())) {
            throw ApiException.shardNotAssigned(request.shardIndex(), s.epoch());
        }
        List<ShardSlivers.Entry> page = ShardSlivers.page(store, s.config(), s.epoch(), request.shardIndex(),
                request.sliverType(), request.startingBlobId(), request.sliverCount());
        return ResponseEntity.ok().contentType(ApiRequests.OCTET).body(ShardSlivers.responseBcs(page));
    }

    /** Standard base64 of the 48-byte compressed key; anything else is a plain-text 400 (an extractor rejection). */
    private static BlsPublicKey publicKey(String header) {
        try {
            return BlsPublicKey.fromBytes(Base64.getDecoder().decode(header.strip()));
        } catch (RuntimeException e) {
            throw new PathRejection("invalid Authorization header: expected the base64 of a BLS public key");
        }
    }

    private static SignedRequest signedRequest(byte[] body) {
        try {
            return BcsReader.decode(body, r -> new SignedRequest(r.bytes(), r.fixedBytes(BlsSignature.LENGTH)));
        } catch (BcsException e) {
            throw ApiException.invalidContentType("the body is not a BCS SignedMessage<SyncShardMsg>: " + e.getMessage());
        }
    }

    /** The committee member whose protocol key is {@code key}. */
    private static SuiAddress member(SigningCommittee committee, BlsPublicKey key) {
        for (int i = 0; i < committee.nodeIds().size(); i++) {
            if (committee.committee().member(i).publicKey().equals(key)) {
                return committee.nodeIds().get(i);
            }
        }
        throw ApiException.requestUnauthorized("the requester's key is not a storage node's of the current committee");
    }
}
