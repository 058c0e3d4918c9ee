package io.walrusj.storage.invalid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.BlsCommittee;
import io.walrusj.core.crypto.BlsCommitteeMember;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.CertificateVerifier;
import io.walrusj.core.crypto.IntentType;
import io.walrusj.core.crypto.InvalidBlobIdMessage;
import io.walrusj.core.crypto.RequiredWeight;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.nodeclient.StorageNodeClient.SignedMessage;
import io.walrusj.storage.sync.SigningCommittee;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link InvalidBlobCertifier} against in-memory committee members (n = 10, weights 3/3/2/2, so
 * "one correct node" needs weight 4): only attestations over the exact message that verify against
 * the member's key count.
 */
class InvalidBlobCertifierTest {
    static final long EPOCH = 5;
    static final BlobId BLOB = BlobId.of(new byte[32]);
    static final InconsistencyProof PROOF = new InconsistencyProof(SliverType.PRIMARY, 0, List.of());
    static final byte[] MESSAGE = new InvalidBlobIdMessage(EPOCH, BLOB).toBytes();
    static final int[] WEIGHTS = {3, 3, 2, 2};

    final List<BlsKeyPair> keys = new ArrayList<>();
    final List<SuiAddress> ids = new ArrayList<>();
    final SigningCommittee committee;
    final Map<URI, Answer> answers = new ConcurrentHashMap<>();
    final List<URI> asked = new CopyOnWriteArrayList<>();

    enum Answer { HONEST, WRONG_KEY, OTHER_EPOCH, DOWN }

    InvalidBlobCertifierTest() {
        SecureRandom random = new SecureRandom();
        List<BlsCommitteeMember> members = new ArrayList<>();
        for (int i = 0; i < WEIGHTS.length; i++) {
            keys.add(BlsKeyPair.generate(random));
            ids.add(FakeSuiChain.addr(0xb0 + i));
            members.add(new BlsCommitteeMember(keys.get(i).publicKey(), WEIGHTS[i]));
            answers.put(uri(i), Answer.HONEST);
        }
        committee = new SigningCommittee(ids, new BlsCommittee(EPOCH, members));
    }

    static URI uri(int member) {
        return URI.create("http://member" + member + ".test");
    }

    Optional<URI> address(SuiAddress id) {
        return Optional.of(uri(ids.indexOf(id)));
    }

    SignedMessage answer(URI node, BlobId blobId, InconsistencyProof proof) throws IOException {
        asked.add(node);
        int i = Integer.parseInt(node.getHost().substring("member".length(), "member".length() + 1));
        return switch (answers.get(node)) {
            case HONEST -> new SignedMessage(MESSAGE, keys.get(i).sign(MESSAGE));
            case WRONG_KEY -> new SignedMessage(MESSAGE, BlsKeyPair.generate(new SecureRandom()).sign(MESSAGE));
            case OTHER_EPOCH -> {
                byte[] other = new InvalidBlobIdMessage(EPOCH - 1, blobId).toBytes();
                yield new SignedMessage(other, keys.get(i).sign(other));
            }
            case DOWN -> throw new IOException("connection refused");
        };
    }

    InvalidBlobCertifier certifier(int selfIndex) {
        return new InvalidBlobCertifier(this::answer, keys.get(selfIndex), Optional.of(ids.get(selfIndex)));
    }

    static void assertValid(BlsCommittee committee, Certificate c) {
        CertificateVerifier.verify(committee, c, RequiredWeight.ONE_CORRECT_NODE, IntentType.INVALID_BLOB_ID);
        assertThat(c.message()).isEqualTo(MESSAGE);
    }

    @Test
    void ownAttestationPlusOneVerifiedMemberMakeACertificate() throws IOException {
        // member 3 (weight 2) finds the proof; members 0 and 2 answer badly, member 1 (weight 3) honestly
        answers.put(uri(0), Answer.WRONG_KEY);
        answers.put(uri(2), Answer.OTHER_EPOCH);
        Certificate c = certifier(3).certify(BLOB, PROOF, committee, this::address);
        assertValid(committee.committee(), c);
        assertThat(c.signers().signerIndices()).containsExactly(1, 3);
        assertThat(asked).doesNotContain(uri(3)); // the node signs itself, it does not ask itself
    }

    @Test
    void unreachableAndBadMembersLeaveTooLittleWeight() {
        answers.put(uri(0), Answer.DOWN);
        answers.put(uri(1), Answer.WRONG_KEY);
        answers.put(uri(3), Answer.OTHER_EPOCH);
        // own 2 + nothing usable = 2 < 4
        assertThatThrownBy(() -> certifier(2).certify(BLOB, PROOF, committee, this::address))
                .isInstanceOf(IOException.class).hasMessageContaining("hold 2 of 10 shards, 4 needed");
        assertThat(asked).containsExactlyInAnyOrder(uri(0), uri(1), uri(3));
    }

    @Test
    void aNodeOutsideTheCommitteeCollectsEverything() throws IOException {
        InvalidBlobCertifier outsider = new InvalidBlobCertifier(this::answer, BlsKeyPair.generate(new SecureRandom()),
                Optional.of(FakeSuiChain.addr(0x01)));
        answers.put(uri(0), Answer.DOWN);
        answers.put(uri(1), Answer.DOWN);
        Certificate c = outsider.certify(BLOB, PROOF, committee, this::address);
        assertValid(committee.committee(), c);
        assertThat(c.signers().signerIndices()).containsExactly(2, 3);
    }

    @Test
    void aMemberWithEnoughWeightAloneAsksNobody() throws IOException {
        List<BlsCommitteeMember> members = List.of(new BlsCommitteeMember(keys.get(0).publicKey(), 4),
                new BlsCommitteeMember(keys.get(1).publicKey(), 6));
        SigningCommittee heavy = new SigningCommittee(ids.subList(0, 2), new BlsCommittee(EPOCH, members));
        Certificate c = certifier(0).certify(BLOB, PROOF, heavy, this::address);
        assertValid(heavy.committee(), c);
        assertThat(asked).isEmpty();
    }
}
