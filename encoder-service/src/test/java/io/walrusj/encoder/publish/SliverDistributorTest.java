package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.CertificateVerifier;
import io.walrusj.core.crypto.IntentType;
import io.walrusj.core.crypto.RequiredWeight;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.publish.FakeNodes.Behaviour;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Fan-out, quorum and failure handling against four fake nodes (n = 10, quorum 7 shards). */
class SliverDistributorTest {
    final TestCommittee committee = new TestCommittee();
    final FakeNodes nodes = new FakeNodes(committee);
    /** Every node task's thread, so a test can wait for all of them to end. */
    final List<Thread> nodeThreads = new CopyOnWriteArrayList<>();
    final ExecutorService executor = Executors.newThreadPerTaskExecutor(task -> {
        Thread t = Thread.ofVirtual().unstarted(task);
        nodeThreads.add(t);
        return t;
    });
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final EncodedBlob blob = new BlobEncoder(new EncodingConfig(10), 1).encode("hello walrus".getBytes());
    final StorageConfirmationMessage permanent = StorageConfirmationMessage.permanent(TestCommittee.EPOCH, blob.blobId());

    static PublisherProperties props(Duration confirmationTimeout, long backgroundMebibytes) {
        return new PublisherProperties(DataSize.ofMegabytes(10), DataSize.ofMegabytes(64), null, 8, 8, 4, List.of(),
                DataSize.ofKilobytes(16), Duration.ofSeconds(10), Duration.ofSeconds(10), null, null, true,
                1, 53, confirmationTimeout, Duration.ofSeconds(1), 3, Duration.ofMillis(5), 2,
                DataSize.ofMegabytes(backgroundMebibytes), Duration.ofMinutes(1), 1, Duration.ZERO);
    }

    SliverDistributor distributor(Duration confirmationTimeout, long backgroundMebibytes) {
        return new SliverDistributor(nodes, new NodeCalls(3, Duration.ofMillis(5)), executor,
                props(confirmationTimeout, backgroundMebibytes), new PublisherMetrics(registry));
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** The sliver files a member must hold: both slivers of pair (shard - offset) mod n for each of its shards. */
    Set<String> expectedSlivers(int member) {
        int offset = blob.blobId().rotationOffset(10);
        Set<String> out = new HashSet<>();
        for (int shard : TestCommittee.SHARDS[member]) {
            int pair = Math.floorMod(shard - offset, 10);
            out.add(pair + "/primary");
            out.add(pair + "/secondary");
        }
        return out;
    }

    void assertValid(Certificate certificate, StorageConfirmationMessage expected) {
        assertThat(certificate.message()).isEqualTo(expected.toBytes());
        CertificateVerifier.verify(committee.snapshot.blsCommittee(), certificate, RequiredWeight.QUORUM, IntentType.BLOB_CERT);
    }

    @Test
    void everyNodeGetsThePairsOfItsShardsAndTheCertificateVerifies() {
        Certificate certificate = distributor(Duration.ofSeconds(10), 16).distribute(committee.snapshot, blob, permanent);
        assertValid(certificate, permanent);
        for (int m = 0; m < 4; m++) {
            int member = m;
            await().atMost(Duration.ofSeconds(5)).untilAsserted(
                    () -> assertThat(nodes.node(member).slivers).isEqualTo(expectedSlivers(member)));
        }
        assertThat(registry.counter("walrus.publisher.confirmations", "result", "valid").count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void deletableBlobsAreConfirmedForTheirObject() {
        var deletable = StorageConfirmationMessage.deletable(TestCommittee.EPOCH, blob.blobId(), SuiAddress.parseLenient("0xb0b"));
        assertValid(distributor(Duration.ofSeconds(10), 16).distribute(committee.snapshot, blob, deletable), deletable);
    }

    /** Waits for every node task's thread to end (a task that hangs ends only if it is cancelled). */
    void awaitNodeTasksEnded() throws InterruptedException {
        for (Thread t : nodeThreads) {
            assertThat(t.join(Duration.ofSeconds(5))).as("node task %s ended", t).isTrue();
        }
    }

    @Test
    void aHangingNodeDoesNotStallTheStoreAndIsCancelledWithoutBackgroundBudget() throws Exception {
        nodes.node(3).behaviour = Behaviour.HANG;
        long start = System.nanoTime();
        Certificate certificate = distributor(Duration.ofSeconds(30), 0).distribute(committee.snapshot, blob, permanent);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertValid(certificate, permanent);
        assertThat(certificate.signers().signerIndices()).containsExactly(0, 1, 2);
        // The hanging node's task ends only if cancelled: interrupted if its call had started, never run
        // if it had not. Once every task's thread has ended, neither can change any more.
        awaitNodeTasksEnded();
        FakeNodes.Node hanging = nodes.node(3);
        assertThat(hanging.interrupted || hanging.metadataPuts.get() == 0).isTrue();
        assertThat(hanging.slivers).isEmpty();
    }

    @Test
    void aSlowNodeKeepsUploadingInTheBackgroundWithinTheBudget() throws Exception {
        FakeNodes.Node slow = nodes.node(3);
        slow.behaviour = Behaviour.HOLD;
        Certificate certificate = distributor(Duration.ofSeconds(30), 4).distribute(committee.snapshot, blob, permanent);
        assertThat(certificate.signers().signerIndices()).containsExactly(0, 1, 2);
        assertThat(slow.slivers).isEmpty();
        slow.release.countDown(); // the store has answered; the slow node now gets its slivers and confirms
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(slow.slivers).isEqualTo(expectedSlivers(3));
            assertThat(slow.confirmationCalls.get()).isPositive();
        });
        assertThat(slow.interrupted).isFalse();
        awaitNodeTasksEnded();
    }

    @Test
    void failuresThatMakeAQuorumImpossibleAnswer504AtOnce() {
        nodes.node(0).behaviour = Behaviour.REJECT_METADATA;
        nodes.node(1).behaviour = Behaviour.FOREIGN_SIGNATURE;
        long start = System.nanoTime();
        assertThatThrownBy(() -> distributor(Duration.ofSeconds(30), 16).distribute(committee.snapshot, blob, permanent))
                .isInstanceOfSatisfying(DaemonException.class, e -> {
                    assertThat(e.status().http()).isEqualTo(504);
                    assertThat(e.reason()).isEqualTo("INSUFFICIENT_CONFIRMATIONS");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(registry.counter("walrus.publisher.confirmations", "result", "invalid").count()).isEqualTo(1);
        assertThat(registry.counter("walrus.publisher.node.upload.failures", "node", "node-0").count()).isEqualTo(1);
    }

    @Test
    void noQuorumWithinTheConfirmationTimeoutIs504() {
        nodes.node(2).behaviour = Behaviour.HANG;
        nodes.node(3).behaviour = Behaviour.HANG;
        long start = System.nanoTime();
        assertThatThrownBy(() -> distributor(Duration.ofMillis(700), 16).distribute(committee.snapshot, blob, permanent))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.reason()).isEqualTo("INSUFFICIENT_CONFIRMATIONS"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        await().atMost(Duration.ofSeconds(5)).until(() -> nodes.node(2).interrupted && nodes.node(3).interrupted);
    }

    @Test
    void confirmationsForANewerEpochSignalAnEpochChange() {
        nodes.node(0).behaviour = Behaviour.WRONG_EPOCH;
        nodes.node(1).behaviour = Behaviour.WRONG_EPOCH;
        assertThatThrownBy(() -> distributor(Duration.ofSeconds(30), 16).distribute(committee.snapshot, blob, permanent))
                .isInstanceOf(EpochChangedException.class);
    }

    @Test
    void notRegisteredYetIsRetried() {
        for (int m = 0; m < 4; m++) {
            nodes.node(m).behaviour = Behaviour.NOT_REGISTERED_ONCE;
        }
        assertValid(distributor(Duration.ofSeconds(10), 16).distribute(committee.snapshot, blob, permanent), permanent);
        assertThat(nodes.node(0).confirmationCalls.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aNodeThatLostTheMetadataGetsItAgain() {
        nodes.node(0).behaviour = Behaviour.FORGET_METADATA_ONCE;
        nodes.node(1).behaviour = Behaviour.FORGET_METADATA_ONCE;
        assertValid(distributor(Duration.ofSeconds(10), 16).distribute(committee.snapshot, blob, permanent), permanent);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(nodes.node(0).slivers).isEqualTo(expectedSlivers(0));
            assertThat(nodes.node(0).metadataPuts.get()).isEqualTo(2);
        });
    }
}
