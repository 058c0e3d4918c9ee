package io.walrusj.storage.pending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.VerificationException;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.sync.NodeState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Bounds, fairness, verification and expiry of the pending-upload buffer, with a fake clock (no store needed). */
class PendingUploadsTest {
    static final EncodedBlob A = new BlobEncoder(new EncodingConfig(10)).encode(new byte[5000]);
    static final EncodedBlob B = new BlobEncoder(new EncodingConfig(10)).encode(new byte[6000]);
    static final String ALICE = "10.0.0.1";
    static final String BOB = "10.0.0.2";

    final AtomicLong now = new AtomicLong(1_000);

    PendingUploads buffer(long maxBytes, int maxEntries) {
        return buffer(maxBytes, maxEntries, maxBytes, maxBytes);
    }

    PendingUploads buffer(long maxBytes, int maxEntries, long maxBlobBytes, long maxClientBytes) {
        return new PendingUploads(null, new NodeState(10), maxBytes, maxEntries, maxBlobBytes, maxClientBytes,
                Duration.ofSeconds(10), now::get);
    }

    @Test
    void boundedByEntries() {
        PendingUploads p = buffer(1 << 20, 2);
        assertThat(p.putMetadata(A.blobId(), A.metadata().metadata(), 100, ALICE).refusal()).isEmpty();
        assertThat(p.putMetadata(A.blobId(), A.metadata().metadata(), 100, ALICE).alreadyBuffered()).isTrue();
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).primary(), 100, ALICE).refusal()).isEmpty();
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).secondary(), 100, ALICE).refusal()).contains(PendingUploads.Refusal.SATURATED);
        assertThat(p.usage()).containsExactly(2, 200);
        assertThat(p.hasSliver(A.blobId(), 0, SliverType.PRIMARY)).isTrue();
        assertThat(p.hasSliver(A.blobId(), 0, SliverType.SECONDARY)).isFalse();
    }

    @Test
    void boundedByBytesAndTooLarge() {
        PendingUploads p = buffer(1100, 100);
        assertThat(p.putMetadata(A.blobId(), A.metadata().metadata(), 100, ALICE).refusal()).isEmpty();
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).primary(), 1101, ALICE).refusal()).contains(PendingUploads.Refusal.TOO_LARGE);
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).primary(), 600, ALICE).refusal()).isEmpty();
        assertThat(p.putSliver(A.blobId(), 1, A.pair(1).primary(), 500, ALICE).refusal()).contains(PendingUploads.Refusal.SATURATED);
        assertThat(p.putMetadata(B.blobId(), B.metadata().metadata(), 500, BOB).refusal()).contains(PendingUploads.Refusal.SATURATED);
        assertThat(p.putSliver(A.blobId(), 1, A.pair(1).primary(), 400, ALICE).refusal()).isEmpty();
        assertThat(p.usage()).containsExactly(3, 1100);
    }

    @Test
    void aSliverIsBufferedOnlyAfterItVerifiesAgainstTheBufferedMetadata() {
        PendingUploads p = buffer(1 << 20, 100);
        // no metadata buffered: nothing to check against, refused
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).primary(), 100, ALICE).refusal())
                .contains(PendingUploads.Refusal.NO_METADATA);
        p.putMetadata(A.blobId(), A.metadata().metadata(), 100, ALICE);
        SliverData good = A.pair(0).primary();
        byte[] flipped = good.data().clone();
        flipped[0] ^= 1;
        // the probe: a huge sliver of garbage with symbol size 65534 against metadata saying otherwise
        SliverData garbage = new SliverData(SliverType.PRIMARY, 0, 65534, new byte[4 * 65534]);
        for (SliverData bad : new SliverData[] {
                new SliverData(good.type(), good.index(), good.symbolSize(), flipped), // Merkle root
                garbage, // length and symbol size
                new SliverData(good.type(), good.index(), good.symbolSize() + 2,
                        new byte[good.data().length / good.symbolSize() * (good.symbolSize() + 2)]),
                B.pair(0).primary()}) { // another blob's sliver
            assertThatThrownBy(() -> p.putSliver(A.blobId(), 0, bad, bad.toBcs().length, ALICE))
                    .isInstanceOf(VerificationException.class);
        }
        assertThat(p.hasSliver(A.blobId(), 0, SliverType.PRIMARY)).isFalse();
        assertThat(p.usage()).containsExactly(1, 100);
        assertThat(p.putSliver(A.blobId(), 0, good, 100, ALICE).refusal()).isEmpty();
        assertThat(p.putSliver(A.blobId(), 9, A.pair(9).secondary(), 100, ALICE).refusal()).isEmpty();
        assertThat(p.usage()).containsExactly(3, 300);
    }

    @Test
    void oneBlobCannotTakeMoreThanItsShare() {
        PendingUploads p = buffer(10_000, 100, 250, 10_000);
        p.putMetadata(A.blobId(), A.metadata().metadata(), 100, ALICE);
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).primary(), 300, ALICE).refusal()).contains(PendingUploads.Refusal.TOO_LARGE);
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).primary(), 100, ALICE).refusal()).isEmpty();
        assertThat(p.putSliver(A.blobId(), 1, A.pair(1).primary(), 100, ALICE).refusal()).contains(PendingUploads.Refusal.SATURATED);
        // another blob (same client) still has room
        assertThat(p.putMetadata(B.blobId(), B.metadata().metadata(), 100, ALICE).refusal()).isEmpty();
        assertThat(p.putSliver(B.blobId(), 1, B.pair(1).primary(), 100, ALICE).refusal()).isEmpty();
    }

    @Test
    void oneClientCannotTakeMoreThanItsShareAndExpiryGivesItBack() {
        PendingUploads p = buffer(10_000, 100, 10_000, 250);
        p.putMetadata(A.blobId(), A.metadata().metadata(), 100, ALICE);
        assertThat(p.putSliver(A.blobId(), 0, A.pair(0).primary(), 100, ALICE).refusal()).isEmpty();
        assertThat(p.putSliver(A.blobId(), 1, A.pair(1).primary(), 100, ALICE).refusal()).contains(PendingUploads.Refusal.SATURATED);
        assertThat(p.putMetadata(B.blobId(), B.metadata().metadata(), 100, ALICE).refusal()).contains(PendingUploads.Refusal.SATURATED);
        assertThat(p.clientBytes(ALICE)).isEqualTo(200);
        // another client is not affected, also for the same blob
        assertThat(p.putSliver(A.blobId(), 1, A.pair(1).primary(), 100, BOB).refusal()).isEmpty();
        assertThat(p.putMetadata(B.blobId(), B.metadata().metadata(), 100, BOB).refusal()).isEmpty();
        assertThat(p.clientBytes(BOB)).isEqualTo(200);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(p.clientBytes(ALICE)).isZero();
        assertThat(p.clientBytes(BOB)).isZero();
        assertThat(p.usage()).containsExactly(0, 0);
        assertThat(p.putMetadata(B.blobId(), B.metadata().metadata(), 200, ALICE).refusal()).isEmpty();
    }

    @Test
    void entriesExpireAndFreeTheirRoom() {
        PendingUploads p = buffer(1 << 20, 2);
        p.putMetadata(A.blobId(), A.metadata().metadata(), 100, ALICE);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        p.putMetadata(B.blobId(), B.metadata().metadata(), 100, ALICE);
        assertThat(p.putSliver(B.blobId(), 0, B.pair(0).primary(), 100, ALICE).refusal()).contains(PendingUploads.Refusal.SATURATED);
        now.addAndGet(Duration.ofSeconds(4).toNanos()); // A is 10 s old: expired, B (4 s) is kept
        assertThat(p.metadata(A.blobId())).isEmpty();
        assertThat(p.metadata(B.blobId())).isPresent();
        assertThat(p.putSliver(B.blobId(), 0, B.pair(0).primary(), 100, ALICE).refusal()).isEmpty();
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(p.usage()).containsExactly(0, 0);
        assertThat(p.contains(B.blobId())).isFalse();
    }
}
