package io.walrusj.storage.pending;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.sync.NodeState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Bounds and expiry of the pending-upload buffer, with a fake clock (no store needed). */
class PendingUploadsTest {
    static final EncodedBlob A = new BlobEncoder(new EncodingConfig(10)).encode(new byte[5000]);
    static final EncodedBlob B = new BlobEncoder(new EncodingConfig(10)).encode(new byte[6000]);

    final AtomicLong now = new AtomicLong(1_000);

    PendingUploads buffer(long maxBytes, int maxEntries) {
        return new PendingUploads(null, new NodeState(10), maxBytes, maxEntries, Duration.ofSeconds(10), now::get);
    }

    @Test
    void boundedByEntries() {
        PendingUploads p = buffer(1 << 20, 2);
        assertThat(p.putMetadata(A.blobId(), A.metadata().metadata(), 100).refusal()).isEmpty();
        assertThat(p.putMetadata(A.blobId(), A.metadata().metadata(), 100).alreadyBuffered()).isTrue();
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).primary(), 100).refusal()).isEmpty();
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).secondary(), 100).refusal()).contains(PendingUploads.Refusal.SATURATED);
        assertThat(p.usage()).containsExactly(2, 200);
        assertThat(p.hasSliver(A.blobId(), 0, SliverType.PRIMARY)).isTrue();
        assertThat(p.hasSliver(A.blobId(), 0, SliverType.SECONDARY)).isFalse();
    }

    @Test
    void boundedByBytesAndTooLarge() {
        PendingUploads p = buffer(1000, 100);
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).primary(), 1001).refusal()).contains(PendingUploads.Refusal.TOO_LARGE);
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).primary(), 600).refusal()).isEmpty();
        assertThat(p.putSliver(A.blobId(), 1, A.pair(1).primary(), 500).refusal()).contains(PendingUploads.Refusal.SATURATED);
        assertThat(p.putMetadata(B.blobId(), B.metadata().metadata(), 500).refusal()).contains(PendingUploads.Refusal.SATURATED);
        assertThat(p.putSliver(A.blobId(), 1, A.pair(1).primary(), 400).refusal()).isEmpty();
        assertThat(p.usage()).containsExactly(2, 1000);
    }

    @Test
    void entriesExpireAndFreeTheirRoom() {
        PendingUploads p = buffer(1 << 20, 2);
        p.putMetadata(A.blobId(), A.metadata().metadata(), 100);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        p.putMetadata(B.blobId(), B.metadata().metadata(), 100);
        assertThat(p.putSliver(B.blobId(), 0, B.pair(0).primary(), 100).refusal()).contains(PendingUploads.Refusal.SATURATED);
        now.addAndGet(Duration.ofSeconds(4).toNanos()); // A is 10 s old: expired, B (4 s) is kept
        assertThat(p.metadata(A.blobId())).isEmpty();
        assertThat(p.metadata(B.blobId())).isPresent();
        assertThat(p.putSliver(B.blobId(), 0, B.pair(0).primary(), 100).refusal()).isEmpty();
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(p.usage()).containsExactly(0, 0);
        assertThat(p.contains(B.blobId())).isFalse();
    }
}
