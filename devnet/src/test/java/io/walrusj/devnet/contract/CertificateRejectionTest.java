package io.walrusj.devnet.contract;

import static io.walrusj.devnet.contract.TestChain.ALICE;
import static io.walrusj.devnet.contract.TestChain.ADMIN;
import static io.walrusj.devnet.contract.TestChain.BOB;
import static io.walrusj.devnet.contract.TestChain.certificate;
import static io.walrusj.devnet.contract.TestChain.certifyCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.CertificateException;
import io.walrusj.core.crypto.InvalidBlobIdMessage;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad certificate is rejected with the Move abort and leaves the ledger byte for byte unchanged. */
class CertificateRejectionTest {
    private TestChain c;
    private TestChain.TestBlob blob;
    private SuiAddress blobObject;
    private byte[] goodMessage;

    @BeforeEach
    void registerBlob() {
        c = TestChain.withCommittee();
        blob = TestChain.blob(7, 1000);
        blobObject = c.register(ALICE, c.reserve(ALICE, 10_680, 2), blob, false);
        goodMessage = StorageConfirmationMessage.permanent(1, blob.blobId()).toBytes();
    }

    @Test
    void tooLittleWeight() {
        // nodes 0 and 1 hold 6 of 10 shards; a quorum needs 3w >= 21
        ContractException e = c.rejected(ALICE, certifyCall(blobObject, certificate(goodMessage, 0, 1)),
                AbortReason.ENotEnoughStake);
        assertThat(e.certificateReason()).contains(CertificateException.Reason.NOT_ENOUGH_WEIGHT);
        c.rejected(ALICE, certifyCall(blobObject, certificate(goodMessage, 3)), AbortReason.ENotEnoughStake);
    }

    @Test
    void wrongEpoch() {
        byte[] epoch2 = StorageConfirmationMessage.permanent(2, blob.blobId()).toBytes();
        c.rejected(ALICE, certifyCall(blobObject, certificate(epoch2, 0, 1, 2)), AbortReason.EIncorrectEpoch);
        byte[] epoch0 = StorageConfirmationMessage.permanent(0, blob.blobId()).toBytes();
        c.rejected(ALICE, certifyCall(blobObject, certificate(epoch0, 0, 1, 2, 3)), AbortReason.EIncorrectEpoch);
    }

    @Test
    void badBitmap() {
        Certificate cert = certificate(goodMessage, 0, 1, 2);
        byte[] sig = cert.signature().toBytes();
        // bit 4 names a fifth member of a 4-member committee
        c.rejected(ALICE, new Call.CertifyBlob(blobObject, sig, new byte[] {0x17}, goodMessage),
                AbortReason.EInvalidBitmap);
        // longer than ceil(4 / 8) = 1 byte
        c.rejected(ALICE, new Call.CertifyBlob(blobObject, sig, new byte[] {0x07, 0x00}, goodMessage),
                AbortReason.EInvalidBitmap);
        // an empty bitmap is allowed (everyone a non-signer), so it fails on weight
        c.rejected(ALICE, new Call.CertifyBlob(blobObject, sig, new byte[0], goodMessage), AbortReason.ENotEnoughStake);
    }

    @Test
    void badSignature() {
        Certificate cert = certificate(goodMessage, 0, 1, 2);
        // the bitmap claims node 3 signed too
        c.rejected(ALICE, new Call.CertifyBlob(blobObject, cert.signature().toBytes(), new byte[] {0x0f}, goodMessage),
                AbortReason.ESigVerification);
        // a signature over other bytes
        Certificate other = certificate(StorageConfirmationMessage.permanent(1, TestChain.blob(8, 5).blobId())
                .toBytes(), 0, 1, 2);
        c.rejected(ALICE, new Call.CertifyBlob(blobObject, other.signature().toBytes(), cert.signers().toBytes(),
                goodMessage), AbortReason.ESigVerification);
        // garbage signature bytes
        byte[] garbage = new byte[96];
        Arrays.fill(garbage, (byte) 0x5a);
        ContractException e = c.rejected(ALICE, new Call.CertifyBlob(blobObject, garbage, cert.signers().toBytes(),
                goodMessage), AbortReason.ESigVerification);
        assertThat(e.certificateReason()).contains(CertificateException.Reason.INVALID_SIGNATURE);
        c.rejected(ALICE, new Call.CertifyBlob(blobObject, new byte[3], cert.signers().toBytes(), goodMessage),
                AbortReason.ESigVerification);
    }

    @Test
    void wrongIntentTypeVersionOrApp() {
        byte[] invalidMsg = new InvalidBlobIdMessage(1, blob.blobId()).toBytes();
        c.rejected(ALICE, certifyCall(blobObject, certificate(invalidMsg, 0, 1, 2)), AbortReason.EInvalidMsgType);
        c.rejected(BOB, invalidate(certificate(goodMessage, 0, 1, 2)), AbortReason.EInvalidMsgType);
        byte[] version1 = goodMessage.clone();
        version1[1] = 1;
        c.rejected(ALICE, certifyCall(blobObject, certificate(version1, 0, 1, 2)), AbortReason.EIncorrectIntentVersion);
        byte[] app4 = goodMessage.clone();
        app4[2] = 4;
        c.rejected(ALICE, certifyCall(blobObject, certificate(app4, 0, 1, 2)), AbortReason.EIncorrectAppId);
    }

    @Test
    void malformedBodies() {
        byte[] truncated = Arrays.copyOf(goodMessage, 20);
        c.rejected(ALICE, certifyCall(blobObject, certificate(truncated, 0, 1, 2)), AbortReason.EOutOfRange);
        byte[] badType = goodMessage.clone();
        badType[39] = 7;
        c.rejected(ALICE, certifyCall(blobObject, certificate(badType, 0, 1, 2)),
                AbortReason.EInvalidMessagePersistenceType);
        byte[] deletableTruncated = goodMessage.clone();
        deletableTruncated[39] = 1;
        c.rejected(ALICE, certifyCall(blobObject, certificate(deletableTruncated, 0, 1, 2)), AbortReason.EOutOfRange);
        // trailing bytes are ignored, as on chain
        byte[] trailing = Arrays.copyOf(goodMessage, goodMessage.length + 5);
        Receipt ok = c.exec(ALICE, certifyCall(blobObject, certificate(trailing, 0, 1, 2)));
        assertThat(TestChain.eventNames(ok)).containsExactly("BlobCertified");
    }

    @Test
    void blobChecks() {
        byte[] otherBlob = StorageConfirmationMessage.permanent(1, TestChain.blob(9, 1000).blobId()).toBytes();
        c.rejected(ALICE, certifyCall(blobObject, certificate(otherBlob, 0, 1, 2)), AbortReason.EInvalidBlobId);
        byte[] deletable = StorageConfirmationMessage.deletable(1, blob.blobId(), blobObject).toBytes();
        c.rejected(ALICE, certifyCall(blobObject, certificate(deletable, 0, 1, 2)),
                AbortReason.EInvalidBlobPersistenceType);
        c.rejected(BOB, certifyCall(blobObject, certificate(goodMessage, 0, 1, 2)), AbortReason.ENotOwner);

        TestChain.TestBlob d = TestChain.blob(10, 1000);
        SuiAddress deletableObject = c.register(ALICE, c.reserve(ALICE, 10_680, 2), d, true);
        byte[] wrongObject = StorageConfirmationMessage.deletable(1, d.blobId(), blobObject).toBytes();
        c.rejected(ALICE, certifyCall(deletableObject, certificate(wrongObject, 0, 1, 2)),
                AbortReason.EInvalidBlobObject);
        byte[] permanent = StorageConfirmationMessage.permanent(1, d.blobId()).toBytes();
        c.rejected(ALICE, certifyCall(deletableObject, certificate(permanent, 0, 1, 2)),
                AbortReason.EInvalidBlobPersistenceType);

        c.exec(ALICE, certifyCall(blobObject, certificate(goodMessage, 1, 2, 3)));
        c.rejected(ALICE, certifyCall(blobObject, certificate(goodMessage, 0, 1, 2)), AbortReason.EAlreadyCertified);
    }

    @Test
    void expiredBlobCannotBeCertified() {
        c.exec(ADMIN, new Call.AdvanceEpoch());
        c.exec(ADMIN, new Call.AdvanceEpoch());
        byte[] epoch3 = StorageConfirmationMessage.permanent(3, blob.blobId()).toBytes();
        c.rejected(ALICE, certifyCall(blobObject, certificate(epoch3, 0, 1, 2)), AbortReason.EResourceBounds);
        // the old epoch's certificate no longer verifies
        c.rejected(ALICE, certifyCall(blobObject, certificate(goodMessage, 0, 1, 2)), AbortReason.EIncorrectEpoch);
    }

    @Test
    void invalidateNeedsOneCorrectNode() {
        byte[] message = new InvalidBlobIdMessage(1, blob.blobId()).toBytes();
        // node 0 alone holds 3 of 10 shards; one correct node needs 3w >= 11
        c.rejected(BOB, invalidate(certificate(message, 0)), AbortReason.ENotEnoughStake);
        c.rejected(BOB, invalidate(certificate(new InvalidBlobIdMessage(2, blob.blobId()).toBytes(), 0, 1)),
                AbortReason.EIncorrectEpoch);
        c.rejected(BOB, invalidate(certificate(Arrays.copyOf(message, 30), 0, 1)), AbortReason.EOutOfRange);
        Receipt ok = c.exec(BOB, invalidate(certificate(message, 2, 3)));
        assertThat(TestChain.event(ok, "InvalidBlobID")).containsEntry("epoch", 1L);
    }

    private static Call.InvalidateBlobId invalidate(Certificate cert) {
        return new Call.InvalidateBlobId(cert.signature().toBytes(), cert.signers().toBytes(), cert.message());
    }
}
