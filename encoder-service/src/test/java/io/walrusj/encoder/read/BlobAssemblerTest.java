package io.walrusj.encoder.read;

import static io.walrusj.encoder.read.FakeSlivers.Behaviour.CORRUPT;
import static io.walrusj.encoder.read.FakeSlivers.Behaviour.HANG;
import static io.walrusj.encoder.read.FakeSlivers.Behaviour.NOT_FOUND;
import static io.walrusj.encoder.read.FakeSlivers.Behaviour.OTHER_SLIVER;
import static io.walrusj.encoder.read.FakeSlivers.Behaviour.UNREACHABLE;
import static io.walrusj.encoder.read.FakeSlivers.Behaviour.WRONG_INDEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.encoder.api.DaemonException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole-blob and range reads from real RS2 slivers (n = 10, p = 4, s = 7) served by fake nodes that
 * fail, hang or lie. The bytes are either exactly the blob's or there is an error.
 */
@Timeout(30)
class BlobAssemblerTest {
    static final int P = TestBlobs.CONFIG.primarySymbols();
    static final int S = TestBlobs.CONFIG.secondarySymbols();
    static final int N = TestBlobs.N;

    final byte[] data = TestBlobs.random(100_003, 1);
    final EncodedBlob blob = TestBlobs.encode(data);
    final Counts counts = new Counts();
    final BlobAssembler assembler = TestBlobs.assembler(counts);

    /** Records sliver results like the metrics do. */
    static final class Counts implements SliverCounter {
        final Map<SliverCounter.Result, AtomicInteger> byResult = new ConcurrentHashMap<>();

        @Override
        public void count(SliverType type, Result result) {
            byResult.computeIfAbsent(result, r -> new AtomicInteger()).incrementAndGet();
        }

        int of(Result result) {
            return byResult.getOrDefault(result, new AtomicInteger()).get();
        }
    }

    byte[] readAll(FakeSlivers nodes, ConsistencyCheck check) {
        return assembler.readAll(blob.metadata(), nodes, check).toByteArray();
    }

    @ParameterizedTest
    @EnumSource(ConsistencyCheck.class)
    void healthyNodesServeTheBlobFromTheSystematicSliversAlone(ConsistencyCheck check) {
        FakeSlivers nodes = new FakeSlivers(blob);
        assertThat(readAll(nodes, check)).isEqualTo(data);
        assertThat(nodes.asked()).extracting(FakeSlivers.Key::index).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(counts.of(SliverCounter.Result.VERIFIED)).isEqualTo(P);
    }

    @ParameterizedTest
    @EnumSource(value = FakeSlivers.Behaviour.class, names = {"UNREACHABLE", "NOT_FOUND", "CORRUPT", "WRONG_INDEX", "OTHER_SLIVER"})
    void misbehavingSystematicNodesAreReplacedAndTheBlobDecoded(FakeSlivers.Behaviour behaviour) {
        FakeSlivers nodes = new FakeSlivers(blob).set(SliverType.PRIMARY, 0, behaviour).set(SliverType.PRIMARY, 2, behaviour);
        assertThat(readAll(nodes, ConsistencyCheck.DEFAULT)).isEqualTo(data);
        assertThat(nodes.askedOf(SliverType.PRIMARY)).isEqualTo(P + 2);
        if (behaviour == CORRUPT || behaviour == WRONG_INDEX || behaviour == OTHER_SLIVER) {
            assertThat(counts.of(SliverCounter.Result.INVALID)).isEqualTo(2);
        }
    }

    @Test
    void aLiarOnEveryOtherNodeNeverProducesWrongBytes() {
        FakeSlivers nodes = new FakeSlivers(blob);
        for (int i = 0; i < N; i += 2) {
            nodes.set(SliverType.PRIMARY, i, CORRUPT);
        }
        assertThat(readAll(nodes, ConsistencyCheck.SKIP)).isEqualTo(data);
    }

    @Test
    void hangingNodesAreNotWaitedFor() {
        FakeSlivers nodes = new FakeSlivers(blob).setRange(SliverType.PRIMARY, 0, 3, HANG);
        long start = System.nanoTime();
        assertThat(readAll(nodes, ConsistencyCheck.DEFAULT)).isEqualTo(data);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void tooFewPrimarySliversFallBackToSecondarySlivers() {
        // Primary slivers gone from 7 pairs (nodes answer 404 for them), all secondary slivers present.
        FakeSlivers nodes = new FakeSlivers(blob).setRange(SliverType.PRIMARY, 0, 7, NOT_FOUND);
        assertThat(readAll(nodes, ConsistencyCheck.DEFAULT)).isEqualTo(data);
        assertThat(nodes.askedOf(SliverType.SECONDARY)).isGreaterThanOrEqualTo(S);
    }

    @Test
    void secondarySliversAreNotAskedFromUnreachablePairs() {
        // 7 pairs unreachable: only 3 can answer, fewer than s = 7; no secondary request is made.
        FakeSlivers nodes = new FakeSlivers(blob).setRange(SliverType.PRIMARY, 0, 7, UNREACHABLE);
        assertThatThrownBy(() -> readAll(nodes, ConsistencyCheck.DEFAULT)).isInstanceOfSatisfying(DaemonException.class,
                e -> assertThat(e.reason()).isEqualTo("BLOB_UNAVAILABLE"));
        assertThat(nodes.askedOf(SliverType.SECONDARY)).isZero();
    }

    @Test
    void notEnoughValidSliversIs503NotWrongBytes() {
        FakeSlivers nodes = new FakeSlivers(blob).otherwise(CORRUPT);
        assertThatThrownBy(() -> readAll(nodes, ConsistencyCheck.SKIP)).isInstanceOfSatisfying(DaemonException.class, e -> {
            assertThat(e.reason()).isEqualTo("BLOB_UNAVAILABLE");
            assertThat(e.status().http()).isEqualTo(503);
        });
        assertThat(counts.of(SliverCounter.Result.VERIFIED)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = ConsistencyCheck.class, names = {"DEFAULT", "STRICT"})
    void anInconsistentBlobIsReportedNotServed(ConsistencyCheck check) {
        EncodedBlob forged = TestBlobs.inconsistent(blob);
        // Systematic sliver 0 is missing, so the forged recovery sliver p takes part in decoding.
        FakeSlivers nodes = new FakeSlivers(forged).set(SliverType.PRIMARY, 0, UNREACHABLE);
        assertThatThrownBy(() -> assembler.readAll(forged.metadata(), nodes, check))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.reason()).isEqualTo("INCONSISTENT_BLOB"));
    }

    @Test
    void anInconsistentBlobFailsTheStrictCheckEvenFromSystematicSlivers() {
        EncodedBlob forged = TestBlobs.inconsistent(blob);
        assertThatThrownBy(() -> assembler.readAll(forged.metadata(), new FakeSlivers(forged), ConsistencyCheck.STRICT))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.reason()).isEqualTo("INCONSISTENT_BLOB"));
    }

    @Test
    void emptyAndTinyBlobs() {
        for (int length : new int[] {0, 1, 2, 27, 28, 29}) {
            byte[] small = TestBlobs.random(length, length);
            EncodedBlob encoded = TestBlobs.encode(small);
            assertThat(assembler.readAll(encoded.metadata(), new FakeSlivers(encoded), ConsistencyCheck.DEFAULT).toByteArray())
                    .as("%d bytes", length).isEqualTo(small);
        }
    }

    @Test
    void rangesFetchOnlyTheRowsTheyTouch() {
        long rowBytes = blob.primarySlivers().get(0).data().length;
        long[][] ranges = {{0, 1}, {5, 10}, {rowBytes - 1, 2}, {rowBytes, rowBytes}, {0, data.length},
                {data.length - 1, 1}, {rowBytes * 2 + 7, rowBytes + 100}};
        for (long[] r : ranges) {
            FakeSlivers nodes = new FakeSlivers(blob);
            ByteRange range = new ByteRange(r[0], r[1], true);
            byte[] got = assembler.readRange(blob.metadata(), nodes, range).toByteArray();
            assertThat(got).as("range %d+%d", r[0], r[1]).isEqualTo(Arrays.copyOfRange(data, (int) r[0], (int) (r[0] + r[1])));
            long firstRow = r[0] / rowBytes;
            long lastRow = (r[0] + r[1] - 1) / rowBytes;
            assertThat(nodes.asked()).as("range %d+%d", r[0], r[1]).hasSize((int) (lastRow - firstRow + 1))
                    .allMatch(k -> k.index() >= firstRow && k.index() <= lastRow);
        }
    }

    @Test
    void aRangeWhoseRowIsUnavailableIsCutFromTheDecodedBlob() {
        long rowBytes = blob.primarySlivers().get(0).data().length;
        FakeSlivers nodes = new FakeSlivers(blob).set(SliverType.PRIMARY, 1, UNREACHABLE).set(SliverType.PRIMARY, 2, CORRUPT);
        ByteRange range = new ByteRange(rowBytes - 10, rowBytes + 20, true);
        byte[] got = assembler.readRange(blob.metadata(), nodes, range).toByteArray();
        assertThat(got).isEqualTo(Arrays.copyOfRange(data, (int) range.start(), (int) range.endExclusive()));
    }

    @Test
    void aRangeBeyondTheBlobIs416() {
        assertThatThrownBy(() -> assembler.readRange(blob.metadata(), new FakeSlivers(blob),
                new ByteRange(data.length - 1, 2, true)))
                .isInstanceOfSatisfying(DaemonException.class, e -> {
                    assertThat(e.reason()).isEqualTo("INVALID_BYTE_RANGE");
                    assertThat(e.status().http()).isEqualTo(416);
                });
    }
}
