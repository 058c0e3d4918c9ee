package io.walrusj.storage.invalid;

import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.CertificateBuilder;
import io.walrusj.core.crypto.CertificateException;
import io.walrusj.core.crypto.InvalidBlobIdMessage;
import io.walrusj.core.crypto.RequiredWeight;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.nodeclient.StorageNodeClient.SignedMessage;
import io.walrusj.storage.sync.SigningCommittee;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an inconsistency proof into an {@code invalidate_blob_id} certificate (docs/spec/walrus-storage-node-api.md
 * 6.3, docs/spec/walrus-chain.md 3.1): this node's own attestation (when it is a member), then the proof is
 * sent to every other committee member at once; each answer counts only if its message is exactly
 * the expected 39-byte {@code InvalidBlobIdMessage} of the committee's epoch and its signature
 * verifies against that member's on-chain key. Stops as soon as the signers' weight meets
 * {@link RequiredWeight#ONE_CORRECT_NODE} ({@code 3w >= n + 1}: at least one honest node agrees)
 * and aggregates the signatures.
 */
public final class InvalidBlobCertifier {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidBlobCertifier.class);
    static final RequiredWeight REQUIRED = RequiredWeight.ONE_CORRECT_NODE;

    private final AttestationRequester requester;
    private final BlsKeyPair ownKey;
    private final Optional<SuiAddress> self;

    public InvalidBlobCertifier(AttestationRequester requester, BlsKeyPair ownKey, Optional<SuiAddress> self) {
        this.requester = requester;
        this.ownKey = ownKey;
        this.self = self;
    }

    /**
     * @param addresses base URL of a member by node id (empty: not reachable)
     * @throws IOException if the verified attestations do not reach the required weight
     */
    public Certificate certify(BlobId blobId, InconsistencyProof proof, SigningCommittee committee,
            Function<SuiAddress, Optional<URI>> addresses) throws IOException {
        byte[] message = new InvalidBlobIdMessage(committee.epoch(), blobId).toBytes();
        CertificateBuilder builder = new CertificateBuilder(committee.committee(), message);
        OptionalInt own = self.map(committee::indexOf).orElse(OptionalInt.empty());
        if (own.isPresent()) {
            addVerified(builder, own.getAsInt(), new SignedMessage(message, ownKey.sign(message)), message, "own key");
        }
        if (builder.isMet(REQUIRED)) {
            return builder.build();
        }
        IOException last = null;
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<SignedMessage> answers = new ExecutorCompletionService<>(ex);
            Map<Future<SignedMessage>, Integer> members = new HashMap<>();
            for (int i = 0; i < committee.nodeIds().size(); i++) {
                if (own.isPresent() && own.getAsInt() == i) {
                    continue;
                }
                Optional<URI> uri = addresses.apply(committee.nodeIds().get(i));
                if (uri.isPresent()) {
                    URI node = uri.get();
                    members.put(answers.submit(() -> requester.request(node, blobId, proof)), i);
                }
            }
            for (int pending = members.size(); pending > 0 && !builder.isMet(REQUIRED); pending--) {
                Future<SignedMessage> done = answers.take();
                int index = members.get(done);
                try {
                    addVerified(builder, index, done.get(), message, committee.nodeIds().get(index).toString());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    last = cause instanceof IOException io ? io : new IOException(cause.toString(), cause);
                    LOG.debug("blob {}: no attestation from {}: {}", blobId, committee.nodeIds().get(index), cause.toString());
                }
            }
            ex.shutdownNow(); // the weight is met (or everyone answered): stop waiting for stragglers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!builder.isMet(REQUIRED)) {
            throw new IOException("blob " + blobId + ": attestations of " + builder.signerCount() + " members hold "
                    + builder.weight() + " of " + committee.committee().nShards() + " shards, "
                    + REQUIRED.minimumWeight(committee.committee().nShards()) + " needed"
                    + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
        }
        return builder.build();
    }

    /** Adds the attestation if it signs exactly {@code message} with the member's key; logs and skips it otherwise. */
    private static void addVerified(CertificateBuilder builder, int index, SignedMessage answer, byte[] message,
            String who) {
        if (!Arrays.equals(answer.serializedMessage(), message)) {
            LOG.warn("attestation of {} signs another message ({} bytes), ignored", who, answer.serializedMessage().length);
            return;
        }
        try {
            builder.add(index, answer.signature());
        } catch (CertificateException e) {
            LOG.warn("attestation of {} does not verify against its committee key, ignored: {}", who, e.getMessage());
        }
    }
}
