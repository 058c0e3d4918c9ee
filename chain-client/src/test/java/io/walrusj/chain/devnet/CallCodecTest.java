package io.walrusj.chain.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.hash.Blake2b256;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.EncodingType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallCodecTest {
    private static final SuiAddress A = address(9);

    static List<Call> everyCall() {
        byte[] root = Blake2b256.hash("root1".getBytes(StandardCharsets.UTF_8));
        BlobId blobId = BlobId.derive(EncodingType.RS2, 77, root);
        return List.of(new Call.Faucet(A, 5), new Call.TransferWal(A, -1L), new Call.ReserveSpace(1 << 20, 53),
                new Call.RegisterBlob(A, blobId, root, 77, 1, true),
                new Call.CertifyBlob(A, new byte[96], new byte[] {7}, new byte[] {1, 0, 3}), new Call.DeleteBlob(A),
                new Call.ExtendBlob(A, 4), new Call.InvalidateBlobId(new byte[] {1}, new byte[0], new byte[] {2}),
                new Call.SetBlobAttribute(A, "ключ", "värde"), new Call.RemoveBlobAttribute(A, "k"),
                new Call.RegisterCandidate("n", "h:1", blsKey(1).publicKey(), new byte[96], new byte[33],
                        250, 1, 2, 3),
                new Call.StakeWithPool(A, 10), new Call.SetStoragePriceVote(A, 1), new Call.SetWritePriceVote(A, 2),
                new Call.SetNodeCapacityVote(A, 3), new Call.UpdatePrices(), new Call.VotingEnd(),
                new Call.InitiateEpochChange(), new Call.EpochSyncDone(A, 7), new Call.AdvanceEpoch());
    }

    @Test
    void everyCallRoundTrips() {
        List<Call> calls = everyCall();
        for (int i = 0; i < calls.size(); i++) {
            byte[] bytes = CallCodec.encode(calls.get(i));
            assertThat(bytes[0]).as("variant of %s", calls.get(i)).isEqualTo((byte) i);
            Call decoded = CallCodec.decode(bytes);
            assertThat(decoded.getClass()).isEqualTo(calls.get(i).getClass());
            assertThat(CallCodec.encode(decoded)).isEqualTo(bytes);
        }
        assertThat(CallCodec.decode(CallCodec.encode(new Call.Faucet(A, 5)))).isEqualTo(new Call.Faucet(A, 5));
    }

    @Test
    void malformedInputIsRejected() {
        assertThatThrownBy(() -> CallCodec.decode(new byte[] {20})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallCodec.decode(new byte[] {2, 1})).isInstanceOf(IllegalArgumentException.class);
        byte[] trailing = CallCodec.encode(new Call.VotingEnd());
        assertThatThrownBy(() -> CallCodec.decode(new byte[] {trailing[0], 0})).isInstanceOf(
                IllegalArgumentException.class);
    }

    static SuiAddress address(int last) {
        byte[] b = new byte[32];
        b[31] = (byte) last;
        return SuiAddress.of(b);
    }

    static BlsKeyPair blsKey(int seed) {
        byte[] ikm = new byte[32];
        ikm[0] = (byte) seed;
        return BlsKeyPair.fromSeed(ikm);
    }
}
