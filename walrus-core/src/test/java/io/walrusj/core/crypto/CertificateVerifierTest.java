package io.walrusj.core.crypto;

import static io.walrusj.core.crypto.ProtocolMessagesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.CertificateException.Reason;
import io.walrusj.core.metadata.BlobId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CertificateVerifierTest {
    private static final long EPOCH = 5;
    private static final BlobId BLOB = BlobId.of(ProtocolMessagesTest.filled(32, 0x07));
    private static final byte[] CONFIRMATION = StorageConfirmationMessage.permanent(EPOCH, BLOB).toBytes();
    private static final byte[] INVALID_BLOB = new InvalidBlobIdMessage(EPOCH, BLOB).toBytes();

    /** Four members with weights 4, 3, 2, 1: n = 10; quorum needs 3w >= 21 (w >= 7); one correct node 3w >= 11 (w >= 4). */
    private static final List<BlsKeyPair> KEYS = List.of(BlsTest.key(11), BlsTest.key(12), BlsTest.key(13), BlsTest.key(14));
    private static final BlsCommittee COMMITTEE = committee(EPOCH, KEYS, 4, 3, 2, 1);

    static BlsCommittee committee(long epoch, List<BlsKeyPair> keys, int... weights) {
        List<BlsCommitteeMember> members = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            members.add(new BlsCommitteeMember(keys.get(i).publicKey(), weights[i]));
        }
        return new BlsCommittee(epoch, members);
    }

    static Certificate sign(List<BlsKeyPair> keys, byte[] message, int... signers) {
        Map<Integer, BlsSignature> sigs = new TreeMap<>();
        for (int i : signers) {
            sigs.put(i, keys.get(i).sign(message));
        }
        return Certificate.aggregate(message, keys.size(), sigs);
    }

    @Test
    void thresholds() {
        assertThat(COMMITTEE.nShards()).isEqualTo(10);
        assertThat(RequiredWeight.QUORUM.minimumWeight(10)).isEqualTo(7);
        assertThat(RequiredWeight.ONE_CORRECT_NODE.minimumWeight(10)).isEqualTo(4);
        assertThat(RequiredWeight.QUORUM.minimumWeight(1000)).isEqualTo(667);
        assertThat(RequiredWeight.ONE_CORRECT_NODE.minimumWeight(1000)).isEqualTo(334);
        for (int n = 1; n < 200; n++) {
            for (RequiredWeight r : RequiredWeight.values()) {
                long min = r.minimumWeight(n);
                assertThat(r.isMet(min, n)).isTrue();
                assertThat(r.isMet(min - 1, n)).isFalse();
            }
        }
    }

    @Test
    void quorumExactlyOnTheBoundaryIsAccepted() {
        Certificate cert = sign(KEYS, CONFIRMATION, 0, 1); // 4 + 3 = 7
        CertifiedMessage cm = CertificateVerifier.verify(COMMITTEE, cert, RequiredWeight.QUORUM, IntentType.BLOB_CERT);
        assertThat(cm.signerWeight()).isEqualTo(7);
        assertThat(cm.header()).isEqualTo(MessageHeader.of(IntentType.BLOB_CERT, EPOCH));
        assertThat(cm.message()).isEqualTo(CONFIRMATION);
        assertThat(StorageConfirmationMessage.parse(cm.message()))
                .isEqualTo(StorageConfirmationMessage.permanent(EPOCH, BLOB));
    }

    @Test
    void signerMajorityUsesTheTotalMinusNonSignersPathWithTheSameResult() {
        Certificate three = sign(KEYS, CONFIRMATION, 0, 2, 3); // 4 + 2 + 1 = 7, three of four members
        assertThat(CertificateVerifier.verify(COMMITTEE, three, RequiredWeight.QUORUM, IntentType.BLOB_CERT)
                .signerWeight()).isEqualTo(7);
        Certificate all = sign(KEYS, CONFIRMATION, 0, 1, 2, 3);
        assertThat(CertificateVerifier.verify(COMMITTEE, all, RequiredWeight.QUORUM, IntentType.BLOB_CERT)
                .signerWeight()).isEqualTo(10);
    }

    @Test
    void oneShortOfQuorumIsRejectedBeforeTheSignatureIsLookedAt() {
        Certificate cert = sign(KEYS, CONFIRMATION, 0, 2); // 4 + 2 = 6
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, cert, RequiredWeight.QUORUM, IntentType.BLOB_CERT),
                Reason.NOT_ENOUGH_WEIGHT);
        assertThatThrownBy(() -> CertificateVerifier.verify(COMMITTEE, cert, RequiredWeight.QUORUM, IntentType.BLOB_CERT))
                .hasMessageContaining("6 of 10").hasMessageContaining("weight >= 7");
    }

    @Test
    void oneCorrectNodeBoundary() {
        assertThat(CertificateVerifier.verify(COMMITTEE, sign(KEYS, INVALID_BLOB, 0), RequiredWeight.ONE_CORRECT_NODE,
                IntentType.INVALID_BLOB_ID).signerWeight()).isEqualTo(4);
        assertThat(CertificateVerifier.verify(COMMITTEE, sign(KEYS, INVALID_BLOB, 1, 3), RequiredWeight.ONE_CORRECT_NODE,
                IntentType.INVALID_BLOB_ID).signerWeight()).isEqualTo(4);
    }

    @Test
    void oneCorrectNodeOneShort() {
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, sign(KEYS, INVALID_BLOB, 1), RequiredWeight.ONE_CORRECT_NODE,
                IntentType.INVALID_BLOB_ID), Reason.NOT_ENOUGH_WEIGHT);
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, sign(KEYS, INVALID_BLOB, 2, 3),
                RequiredWeight.ONE_CORRECT_NODE, IntentType.INVALID_BLOB_ID), Reason.NOT_ENOUGH_WEIGHT);
    }

    @Test
    void wrongEpoch() {
        byte[] epoch6 = StorageConfirmationMessage.permanent(EPOCH + 1, BLOB).toBytes();
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, sign(KEYS, epoch6, 0, 1), RequiredWeight.QUORUM,
                IntentType.BLOB_CERT), Reason.WRONG_EPOCH);
        BlsCommittee nextEpoch = committee(EPOCH + 1, KEYS, 4, 3, 2, 1);
        assertReason(() -> CertificateVerifier.verify(nextEpoch, sign(KEYS, CONFIRMATION, 0, 1), RequiredWeight.QUORUM,
                IntentType.BLOB_CERT), Reason.WRONG_EPOCH);
    }

    @Test
    void wrongIntentType() {
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, sign(KEYS, INVALID_BLOB, 0, 1), RequiredWeight.QUORUM,
                IntentType.BLOB_CERT), Reason.WRONG_MESSAGE_TYPE);
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, sign(KEYS, CONFIRMATION, 0, 1), RequiredWeight.QUORUM,
                IntentType.INVALID_BLOB_ID), Reason.WRONG_MESSAGE_TYPE);
    }

    @Test
    void malformedAndWrongIntentHeaders() {
        byte[] shortMessage = {1, 0, 3, 5, 0, 0};
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, sign(KEYS, shortMessage, 0, 1), RequiredWeight.QUORUM,
                IntentType.BLOB_CERT), Reason.MALFORMED_MESSAGE);
        byte[] v1 = CONFIRMATION.clone();
        v1[1] = 1;
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, sign(KEYS, v1, 0, 1), RequiredWeight.QUORUM,
                IntentType.BLOB_CERT), Reason.WRONG_INTENT_VERSION);
        byte[] app4 = CONFIRMATION.clone();
        app4[2] = 4;
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, sign(KEYS, app4, 0, 1), RequiredWeight.QUORUM,
                IntentType.BLOB_CERT), Reason.WRONG_APP_ID);
    }

    @Test
    void badSignature() {
        Certificate cert = sign(KEYS, CONFIRMATION, 0, 1);
        // Signed another message.
        Certificate other = sign(KEYS, StorageConfirmationMessage.permanent(EPOCH, BlobId.of(new byte[32])).toBytes(), 0, 1);
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, other.signature().toBytes(), cert.signers().toBytes(),
                CONFIRMATION, RequiredWeight.QUORUM, IntentType.BLOB_CERT), Reason.INVALID_SIGNATURE);
        // Undecodable bytes (Move test_incorrect_signature_error swaps the first two bytes).
        byte[] swapped = cert.signature().toBytes();
        byte t = swapped[0];
        swapped[0] = swapped[1];
        swapped[1] = t;
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, swapped, cert.signers().toBytes(), CONFIRMATION,
                RequiredWeight.QUORUM, IntentType.BLOB_CERT), Reason.INVALID_SIGNATURE);
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, new byte[95], cert.signers().toBytes(), CONFIRMATION,
                RequiredWeight.QUORUM, IntentType.BLOB_CERT), Reason.INVALID_SIGNATURE);
    }

    @Test
    void bitmapNamingANonSignerFailsTheSignature() {
        Certificate cert = sign(KEYS, CONFIRMATION, 0, 1);
        byte[] withTwo = SignersBitmap.fromIndices(4, 0, 1, 2).toBytes();
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, cert.signature().toBytes(), withTwo, CONFIRMATION,
                RequiredWeight.QUORUM, IntentType.BLOB_CERT), Reason.INVALID_SIGNATURE);
        // Naming a different set of the same weight also fails.
        byte[] swappedSigner = SignersBitmap.fromIndices(4, 0, 2, 3).toBytes();
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, cert.signature().toBytes(), swappedSigner, CONFIRMATION,
                RequiredWeight.QUORUM, IntentType.BLOB_CERT), Reason.INVALID_SIGNATURE);
    }

    @Test
    void invalidBitmaps() {
        Certificate cert = sign(KEYS, CONFIRMATION, 0, 1);
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, cert.signature().toBytes(), new byte[] {0x13},
                CONFIRMATION, RequiredWeight.QUORUM, IntentType.BLOB_CERT), Reason.INVALID_BITMAP);
        assertReason(() -> CertificateVerifier.verify(COMMITTEE, cert.signature().toBytes(), new byte[] {0x03, 0x00},
                CONFIRMATION, RequiredWeight.QUORUM, IntentType.BLOB_CERT), Reason.INVALID_BITMAP);
    }

    @Test
    void walrusMoveBlsTestsScenario() {
        // contracts/walrus/tests/system/bls_tests.move: ten keys, signers 0, 1, 2, 3, 4, 7, 8, bitmap x"9f01".
        List<BlsKeyPair> keys = new ArrayList<>();
        for (String sk : List.of("DEADBEEF", "BEEF", "CAFE", "C0DE", "C0FFEE", "DEAD", "DECADE", "DEC0DE", "FACE", "F00D")) {
            keys.add(BlsKeyPair.fromSecretKeyBytes(BlsTest.scalar(sk.toLowerCase())));
        }
        byte[] message = StorageConfirmationMessage.permanent(5, BlobId.fromU256(BigInteger.valueOf(0xABC))).toBytes();
        Certificate cert = sign(keys, message, 0, 1, 2, 3, 4, 7, 8);
        assertThat(HexFormat.of().formatHex(cert.signers().toBytes())).isEqualTo("9f01");

        BlsCommittee equal = committee(5, keys, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(CertificateVerifier.verify(equal, cert, RequiredWeight.QUORUM, IntentType.BLOB_CERT).signerWeight())
                .isEqualTo(7);
        // test_add_members_error: also name member 6.
        byte[] plusSix = {(byte) (0x9f | 64), 0x01};
        assertReason(() -> CertificateVerifier.verify(equal, cert.signature().toBytes(), plusSix, message,
                RequiredWeight.QUORUM, IntentType.BLOB_CERT), Reason.INVALID_SIGNATURE);
        // test_incorrect_stake_error: weights sum to 11, signers hold 7 < 23/3.
        BlsCommittee heavier = committee(5, keys, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2);
        assertReason(() -> CertificateVerifier.verify(heavier, cert, RequiredWeight.QUORUM, IntentType.BLOB_CERT),
                Reason.NOT_ENOUGH_WEIGHT);
        // test_cert_incorrect_epoch.
        BlsCommittee epoch6 = committee(6, keys, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertReason(() -> CertificateVerifier.verify(epoch6, cert, RequiredWeight.QUORUM, IntentType.BLOB_CERT),
                Reason.WRONG_EPOCH);
    }

    @Test
    void builderCollectsVerifiedSignaturesUntilQuorum() {
        CertificateBuilder b = new CertificateBuilder(COMMITTEE, CONFIRMATION);
        b.add(2, KEYS.get(2).sign(CONFIRMATION));
        assertThat(b.isMet(RequiredWeight.QUORUM)).isFalse();
        assertThatThrownBy(() -> b.add(1, KEYS.get(0).sign(CONFIRMATION)))
                .isInstanceOfSatisfying(CertificateException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE));
        assertThatThrownBy(() -> b.add(2, KEYS.get(2).sign(CONFIRMATION))).isInstanceOf(IllegalArgumentException.class);
        b.add(0, KEYS.get(0).sign(CONFIRMATION));
        b.addVerified(3, KEYS.get(3).sign(CONFIRMATION));
        assertThat(b.weight()).isEqualTo(7);
        assertThat(b.signerCount()).isEqualTo(3);
        assertThat(b.isMet(RequiredWeight.QUORUM)).isTrue();
        Certificate cert = b.build();
        assertThat(cert.signers().signerIndices()).containsExactly(0, 2, 3);
        assertThat(cert).isEqualTo(sign(KEYS, CONFIRMATION, 3, 0, 2));
        assertThat(CertificateVerifier.verify(COMMITTEE, cert, RequiredWeight.QUORUM, IntentType.BLOB_CERT)
                .signerWeight()).isEqualTo(7);
    }

    @Test
    void committeeValidation() {
        BlsPublicKey pk = KEYS.get(0).publicKey();
        assertThatThrownBy(() -> new BlsCommitteeMember(pk, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlsCommitteeMember(pk, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlsCommittee(1, List.of(new BlsCommitteeMember(pk, 65535), new BlsCommitteeMember(pk, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
