package io.walrusj.storage.api;

import static io.walrusj.storage.api.ApiRequests.blobId;
import static io.walrusj.storage.api.ApiRequests.bool;
import static io.walrusj.storage.api.ApiRequests.config;
import static io.walrusj.storage.api.ApiRequests.query;
import static io.walrusj.storage.api.ApiRequests.success;

import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.pending.PendingUploads;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.BlobInfo.BlobObject;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.sync.RegistrationWaits;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Storage confirmations (walrus-storage-node API 5.1): the node signs that it holds both slivers of
 * every shard it owns for a registered blob. With {@code wait_for_registration=true} a request for
 * a blob whose registration the node has not applied yet long-polls ({@link RegistrationWaits}).
 */
@RestController
public class ConfirmationController {
    private final SliverStore store;
    private final NodeState state;
    private final BlsKeyPair key;
    private final PendingUploads pendingUploads;
    private final RegistrationWaits registrationWaits;

    public ConfirmationController(SliverStore store, NodeState state, BlsKeyPair key, PendingUploads pendingUploads,
            RegistrationWaits registrationWaits) {
        this.store = store;
        this.state = state;
        this.key = key;
        this.pendingUploads = pendingUploads;
        this.registrationWaits = registrationWaits;
    }

    @GetMapping("/v1/blobs/{blobId}/confirmation/permanent")
    public ResponseEntity<Map<String, Object>> permanentConfirmation(@PathVariable String blobId, HttpServletRequest req) {
        BlobId id = blobId(blobId);
        Duration wait = requestedWait(req);
        if (!awaitRegistration(id, wait, () -> ApiRequests.registered(store, id, state.get()))) {
            throw ApiException.notRegistered();
        }
        NodeState.Snapshot s = state.get();
        requireAllSlivers(id, s);
        return signed(StorageConfirmationMessage.permanent(s.epoch(), id));
    }

    @GetMapping("/v1/blobs/{blobId}/confirmation/deletable/{objectId}")
    public ResponseEntity<Map<String, Object>> deletableConfirmation(@PathVariable String blobId,
            @PathVariable String objectId, HttpServletRequest req) {
        BlobId id = blobId(blobId);
        SuiAddress object;
        try {
            object = SuiAddress.parse(objectId);
        } catch (CryptoException | IllegalArgumentException e) {
            throw new PathRejection("Invalid URL: Cannot parse `" + objectId + "` as an object ID: " + e.getMessage());
        }
        Duration wait = requestedWait(req);
        BooleanSupplier objectRegistered = () -> {
            long epoch = state.get().epoch();
            BlobInfo info = store.getBlobInfo(id).orElse(BlobInfo.EMPTY);
            BlobObject o = info.objects().get(object);
            return info.registeredAt(epoch) && o != null && o.deletable() && o.liveAt(epoch);
        };
        if (!awaitRegistration(id, wait, objectRegistered)) {
            throw ApiException.notRegistered();
        }
        NodeState.Snapshot s = state.get();
        requireAllSlivers(id, s);
        return signed(StorageConfirmationMessage.deletable(s.epoch(), id, object));
    }

    /** A request interrupted while waiting (shutdown) answers NOT_REGISTERED, as if it had not waited. */
    private boolean awaitRegistration(BlobId id, Duration wait, BooleanSupplier registered) {
        try {
            return registrationWaits.await(id, wait, registered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void requireAllSlivers(BlobId id, NodeState.Snapshot s) {
        pendingUploads.flush(id); // "pending caches flushed" (spec 4.4)
        EncodingConfig config = config(s);
        int offset = id.rotationOffset(config.nShards());
        for (int shard : s.ownedShards()) {
            int pair = config.pairForShard(shard, offset);
            if (!store.hasSliver(id, pair, SliverType.PRIMARY) || !store.hasSliver(id, pair, SliverType.SECONDARY)) {
                throw ApiException.missingSlivers();
            }
        }
        store.syncWal(); // what the confirmation promises is on disk
    }

    private ResponseEntity<Map<String, Object>> signed(StorageConfirmationMessage message) {
        byte[] bytes = message.toBytes();
        BlsSignature signature = key.sign(bytes);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("serializedMessage", Base64.getEncoder().encodeToString(bytes));
        inner.put("signature", signature.toBase64());
        return success(HttpStatus.OK, Map.of("signed", inner));
    }

    /**
     * {@code wait_for_registration} and {@code wait_millis}: how long the caller lets us wait for the
     * registration (capped by {@link RegistrationWaits}); without {@code wait_millis}, the server max.
     */
    private Duration requestedWait(HttpServletRequest req) {
        Map<String, String> q = query(req, null);
        String wait = q.get("wait_for_registration");
        boolean waitForRegistration = wait != null && bool("wait_for_registration", wait);
        String millis = q.get("wait_millis");
        long waitMillis = -1;
        if (millis != null) {
            try {
                waitMillis = Long.parseUnsignedLong(millis);
            } catch (NumberFormatException e) {
                throw new PathRejection("Failed to deserialize query string: wait_millis: invalid digit found in string");
            }
        }
        if (!waitForRegistration) {
            return Duration.ZERO;
        }
        return waitMillis < 0 ? registrationWaits.maxWait() : Duration.ofMillis(waitMillis);
    }
}
