package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.CertificateVerifier;
import io.walrusj.core.crypto.IntentType;
import io.walrusj.core.crypto.RequiredWeight;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.metadata.BlobId;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Quorum at n = 10 is 7 shards (> 2f = 6 and 3w >= 21); members weigh 3, 3, 2, 2. */
class QuorumCollectorTest {
    final TestCommittee committee = new TestCommittee();
    final byte[] message = StorageConfirmationMessage.permanent(TestCommittee.EPOCH, BlobId.of(new byte[32])).toBytes();
    final QuorumCollector collector = new QuorumCollector(committee.snapshot.blsCommittee(), message);

    void sign(int member) {
        collector.accept(member, committee.keys.get(member).sign(message));
    }

    @Test
    void completesWithAVerifiableCertificateOnceSevenShardsSigned() throws Exception {
        sign(0);
        sign(2);
        assertThat(collector.result()).isNotDone(); // 5 shards
        sign(2); // a duplicate counts once
        assertThat(collector.result()).isNotDone();
        sign(3); // 7 shards
        assertThat(collector.result()).isCompleted();
        var certificate = collector.result().get();
        assertThat(certificate.signers().signerIndices()).containsExactly(0, 2, 3);
        CertificateVerifier.verify(committee.snapshot.blsCommittee(), certificate, RequiredWeight.QUORUM, IntentType.BLOB_CERT);
        sign(1); // late: ignored
        assertThat(collector.result().get()).isEqualTo(certificate);
    }

    @Test
    void failsAsSoonAsTheRemainingWeightCannotReachQuorum() {
        sign(0);
        collector.reject(2, OptionalLong.empty(), "dead");
        assertThat(collector.result()).isNotDone(); // 8 shards still possible
        collector.reject(3, OptionalLong.empty(), "dead"); // 6 left
        assertThat(collector.result()).isCompletedExceptionally();
        assertThatThrownBy(() -> collector.result().get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(QuorumUnreachableException.class, e -> assertThat(e.newerEpoch()).isEmpty());
    }

    @Test
    void reportsANewerEpochSeenFromFailedMembers() {
        collector.reject(0, OptionalLong.of(TestCommittee.EPOCH + 1), "epoch");
        collector.reject(1, OptionalLong.of(TestCommittee.EPOCH - 1), "old epoch");
        assertThatThrownBy(() -> collector.result().get()).cause().isInstanceOfSatisfying(QuorumUnreachableException.class,
                e -> assertThat(e.newerEpoch()).hasValue(TestCommittee.EPOCH + 1));
    }
}
