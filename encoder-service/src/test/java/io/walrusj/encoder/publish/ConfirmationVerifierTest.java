package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConfirmationVerifierTest {
    static final BlobId BLOB = BlobId.of(filled(7));
    static final SuiAddress OBJECT = SuiAddress.of(filled(0x2a));
    final TestCommittee committee = new TestCommittee();
    final BlsKeyPair key = committee.keys.getFirst();

    static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }

    @Test
    void acceptsTheExpectedPermanentAndDeletableMessages() throws Exception {
        for (StorageConfirmationMessage expected : new StorageConfirmationMessage[] {
                StorageConfirmationMessage.permanent(TestCommittee.EPOCH, BLOB),
                StorageConfirmationMessage.deletable(TestCommittee.EPOCH, BLOB, OBJECT)}) {
            byte[] message = expected.toBytes();
            var signature = key.sign(message);
            assertThat(ConfirmationVerifier.verify(message, signature, expected, key.publicKey())).isEqualTo(signature);
        }
    }

    @Test
    void wrongEpochReportsTheEpoch() {
        var expected = StorageConfirmationMessage.permanent(TestCommittee.EPOCH, BLOB);
        byte[] message = StorageConfirmationMessage.permanent(TestCommittee.EPOCH + 1, BLOB).toBytes();
        assertThatThrownBy(() -> ConfirmationVerifier.verify(message, key.sign(message), expected, key.publicKey()))
                .isInstanceOfSatisfying(InvalidConfirmationException.class,
                        e -> assertThat(e.otherEpoch()).hasValue(TestCommittee.EPOCH + 1));
    }

    @Test
    void rejectsOtherBlobPersistenceObjectTrailingBytesAndForeignSignatures() {
        var permanent = StorageConfirmationMessage.permanent(TestCommittee.EPOCH, BLOB);
        var deletable = StorageConfirmationMessage.deletable(TestCommittee.EPOCH, BLOB, OBJECT);
        byte[] otherBlob = StorageConfirmationMessage.permanent(TestCommittee.EPOCH, BlobId.of(filled(8))).toBytes();
        byte[] otherObject = StorageConfirmationMessage.deletable(TestCommittee.EPOCH, BLOB, SuiAddress.of(filled(1))).toBytes();
        byte[] trailing = Arrays.copyOf(permanent.toBytes(), permanent.toBytes().length + 1);
        assertInvalid(otherBlob, key, permanent, "blob");
        assertInvalid(deletable.toBytes(), key, permanent, "persistence");
        assertInvalid(permanent.toBytes(), key, deletable, "persistence");
        assertInvalid(otherObject, key, deletable, "persistence");
        assertInvalid(trailing, key, permanent, "trailing");
        assertInvalid(new byte[] {1, 2, 3}, key, permanent, "undecodable");
        assertInvalid(permanent.toBytes(), committee.keys.get(1), permanent, "signature");
    }

    private void assertInvalid(byte[] message, BlsKeyPair signer, StorageConfirmationMessage expected, String why) {
        assertThatThrownBy(() -> ConfirmationVerifier.verify(message, signer.sign(message), expected, key.publicKey()))
                .isInstanceOfSatisfying(InvalidConfirmationException.class, e -> {
                    assertThat(e.getMessage()).contains(why);
                    assertThat(e.otherEpoch()).isEmpty();
                });
    }
}
