package io.walrusj.encoder.publish;

import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.nodeclient.NodeApiException;
import io.walrusj.nodeclient.NodeBlobStatus;
import io.walrusj.nodeclient.SignedConfirmation;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory storage nodes of a {@link TestCommittee} that sign real confirmations, with scripted misbehaviour. */
final class FakeNodes implements NodeApi {
    /** HOLD: the metadata upload waits for {@code Node.release} (interruptibly). */
    enum Behaviour { OK, HANG, HOLD, REJECT_METADATA, WRONG_EPOCH, FOREIGN_SIGNATURE, NOT_REGISTERED_ONCE, FORGET_METADATA_ONCE }

    final class Node {
        final int index;
        volatile Behaviour behaviour = Behaviour.OK;
        final Set<String> slivers = ConcurrentHashMap.newKeySet();
        final AtomicInteger confirmationCalls = new AtomicInteger();
        final AtomicInteger metadataPuts = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicBoolean forgot = new java.util.concurrent.atomic.AtomicBoolean();
        volatile boolean interrupted;
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        volatile NodeBlobStatus status = new NodeBlobStatus.Nonexistent();

        Node(int index) {
            this.index = index;
        }
    }

    private final TestCommittee committee;
    private final Map<URI, Node> nodes = new HashMap<>();

    FakeNodes(TestCommittee committee) {
        this.committee = committee;
        for (int i = 0; i < TestCommittee.SHARDS.length; i++) {
            nodes.put(committee.uri(i), new Node(i));
        }
    }

    Node node(int index) {
        return nodes.get(committee.uri(index));
    }

    @Override
    public void putMetadata(URI uri, BlobId blobId, BlobMetadata metadata) throws IOException {
        Node node = nodes.get(uri);
        node.metadataPuts.incrementAndGet();
        if (node.behaviour == Behaviour.HANG) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                node.interrupted = true;
                throw new java.io.InterruptedIOException("cancelled");
            }
        }
        if (node.behaviour == Behaviour.HOLD) {
            try {
                node.release.await();
            } catch (InterruptedException e) {
                node.interrupted = true;
                throw new java.io.InterruptedIOException("cancelled");
            }
        }
        if (node.behaviour == Behaviour.REJECT_METADATA) {
            throw new NodeApiException(400, "INVALID_METADATA", "scripted");
        }
    }

    @Override
    public void putSliver(URI uri, BlobId blobId, int pairIndex, SliverData sliver) throws IOException {
        Node node = nodes.get(uri);
        if (node.behaviour == Behaviour.FORGET_METADATA_ONCE && node.forgot.compareAndSet(false, true)) {
            throw new NodeApiException(400, "METADATA_NOT_FOUND", "scripted");
        }
        node.slivers.add(pairIndex + "/" + sliver.type().text());
    }

    @Override
    public SignedConfirmation confirmation(URI uri, BlobId blobId, Optional<SuiAddress> deletableObject)
            throws IOException {
        Node node = nodes.get(uri);
        int call = node.confirmationCalls.getAndIncrement();
        if (node.behaviour == Behaviour.NOT_REGISTERED_ONCE && call == 0) {
            throw new NodeApiException(400, "NOT_REGISTERED", "scripted");
        }
        long epoch = committee.snapshot.epoch() + (node.behaviour == Behaviour.WRONG_EPOCH ? 1 : 0);
        byte[] message = deletableObject.map(o -> StorageConfirmationMessage.deletable(epoch, blobId, o))
                .orElseGet(() -> StorageConfirmationMessage.permanent(epoch, blobId)).toBytes();
        BlsKeyPair key = committee.keys.get(node.behaviour == Behaviour.FOREIGN_SIGNATURE ? (node.index + 1) % 4 : node.index);
        return new SignedConfirmation(message, key.sign(message));
    }

    @Override
    public NodeBlobStatus blobStatus(URI uri, BlobId blobId) throws IOException {
        Node node = nodes.get(uri);
        if (node.behaviour == Behaviour.HANG) {
            throw new IOException("down");
        }
        return node.status;
    }
}
