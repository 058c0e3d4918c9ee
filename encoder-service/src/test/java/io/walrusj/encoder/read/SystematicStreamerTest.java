package io.walrusj.encoder.read;

import static io.walrusj.encoder.read.FakeSlivers.Behaviour.CORRUPT;
import static io.walrusj.encoder.read.FakeSlivers.Behaviour.HANG;
import static io.walrusj.encoder.read.FakeSlivers.Behaviour.UNREACHABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.encoder.api.DaemonException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(30)
class SystematicStreamerTest {
    final byte[] data = TestBlobs.random(77_777, 5);
    final EncodedBlob blob = TestBlobs.encode(data);
    final SliverCollector collector = TestBlobs.collector(SliverCounter.NONE);
    final SystematicStreamer streamer = new SystematicStreamer(collector, new BlobAssembler(collector, 2), 2,
            Duration.ofMillis(300));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final AtomicInteger opened = new AtomicInteger();

    long stream(FakeSlivers nodes, ConsistencyCheck check) throws IOException {
        return streamer.stream(new ResolvedBlob(blob.metadata(), TestBlobs.CONFIG, nodes), check, () -> {
            opened.incrementAndGet();
            return out;
        });
    }

    @ParameterizedTest
    @EnumSource(ConsistencyCheck.class)
    void healthyNodesStreamTheSystematicRowsInOrder(ConsistencyCheck check) throws IOException {
        FakeSlivers nodes = new FakeSlivers(blob);
        assertThat(stream(nodes, check)).isEqualTo(data.length);
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThat(opened).hasValue(1);
        assertThat(nodes.asked()).allMatch(k -> k.type() == SliverType.PRIMARY && k.index() < 4);
    }

    @ParameterizedTest
    @EnumSource(value = FakeSlivers.Behaviour.class, names = {"UNREACHABLE", "CORRUPT", "HANG"})
    void aMissingLaterRowSwitchesToDecodingWithoutLosingBytes(FakeSlivers.Behaviour behaviour) throws IOException {
        FakeSlivers nodes = new FakeSlivers(blob).set(SliverType.PRIMARY, 2, behaviour);
        stream(nodes, ConsistencyCheck.DEFAULT);
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThat(opened).hasValue(1);
    }

    @Test
    void aMissingFirstRowStillDecodesBeforeAnythingIsSent() throws IOException {
        FakeSlivers nodes = new FakeSlivers(blob).set(SliverType.PRIMARY, 0, HANG).set(SliverType.PRIMARY, 1, CORRUPT);
        stream(nodes, ConsistencyCheck.DEFAULT);
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @Test
    void nothingRetrievableBeforeTheFirstByteIs500SliverRetrievalFailed() {
        FakeSlivers nodes = new FakeSlivers(blob).otherwise(UNREACHABLE);
        assertThatThrownBy(() -> stream(nodes, ConsistencyCheck.DEFAULT)).isInstanceOfSatisfying(DaemonException.class, e -> {
            assertThat(e.reason()).isEqualTo("SLIVER_RETRIEVAL_FAILED");
            assertThat(e.status().http()).isEqualTo(500);
        });
        assertThat(opened).hasValue(0);
    }

    @Test
    void failureAfterTheFirstRowAbortsTheStream() {
        FakeSlivers nodes = new FakeSlivers(blob).otherwise(UNREACHABLE).set(SliverType.PRIMARY, 0, FakeSlivers.Behaviour.OK);
        assertThatThrownBy(() -> stream(nodes, ConsistencyCheck.DEFAULT)).isInstanceOf(IOException.class)
                .isNotInstanceOf(DaemonException.class);
        assertThat(opened).hasValue(1);
        assertThat(out.size()).isEqualTo(blob.primarySlivers().get(0).data().length);
    }
}
