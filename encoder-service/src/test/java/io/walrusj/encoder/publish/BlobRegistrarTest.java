package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.ChainWriter;
import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.factory.ChainSettings;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.chain.testing.FakeWrite;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.committee.TestChainView;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store's transactions go through the chain's writer (the devnet's, at the fake's JSON-RPC) to the shared fake chain, which records them. */
class BlobRegistrarTest {
    final FakeSuiChain chain = FakeSuiChain.start();
    final Ed25519KeyPair key = Ed25519KeyPair.fromSeed(seed(7));
    final TestChainView view = new TestChainView(chain, ChainSettings.Transport.GRPC);
    final ChainWriter writer = view.chain().writer(key);
    final EncodedBlob blob = new BlobEncoder(new EncodingConfig(10), 1).encode("hello walrus".getBytes());
    final StoreCost cost = StoreCost.of(new EncodingConfig(10), 12, 3, 100, 10);

    @AfterEach
    void close() {
        view.close();
        chain.close();
    }

    static byte[] seed(int b) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) b);
        return seed;
    }

    BlobRegistrar registrar(boolean useFaucet) {
        return new BlobRegistrar(new PublisherWallet(writer, useFaucet, 1_000_000));
    }

    @Test
    void registerReservesThenRegistersInTheReservedStorageAndCertifyCertifiesIt() {
        chain.setBalance(key.suiAddress(), FakeSuiChain.WAL_COIN_TYPE, cost.total());
        BlobRegistrar registrar = registrar(false);

        Registration registration = registrar.register(blob, cost, true);
        byte[] message = "confirmation".getBytes();
        Certificate certificate = Certificate.aggregate(message, 1,
                Map.of(0, BlsKeyPair.fromSeed(seed(1)).sign(message)));
        registrar.certify(registration, certificate);

        var writes = chain.writes();
        assertThat(writes).extracting(FakeWrite::sender).containsOnly(key.suiAddress());
        assertThat(writes.get(0).call()).isEqualTo(new Call.ReserveSpace(cost.encodedLength(), 3));
        assertThat(writes.get(0).created()).containsExactly(registration.storageId());
        Call.RegisterBlob register = (Call.RegisterBlob) writes.get(1).call();
        assertThat(register.storageId()).isEqualTo(registration.storageId());
        assertThat(register.blobId()).isEqualTo(blob.blobId());
        assertThat(register.deletable()).isTrue();
        assertThat(writes.get(1).created()).containsExactly(registration.blobObjectId());
        Call.CertifyBlob certify = (Call.CertifyBlob) writes.get(2).call();
        assertThat(certify.blobObjectId()).isEqualTo(registration.blobObjectId());
        assertThat(certify.message()).isEqualTo(message);
        assertThat(writes).hasSize(3);
    }

    @Test
    void aWalletThatCannotPayTopsUpFromTheFaucetFirst() {
        registrar(true).register(blob, cost, false);

        assertThat(chain.writes()).extracting(FakeWrite::call).first().isEqualTo(new Call.Faucet(key.suiAddress(), 1_000_000));
        assertThat(chain.writes()).hasSize(3);
    }

    @Test
    void withoutTheFaucetAWalletThatCannotPayIs503AndWritesNothing() {
        assertThatThrownBy(() -> registrar(false).register(blob, cost, false)).isInstanceOfSatisfying(DaemonException.class,
                e -> assertThat(e.reason()).isEqualTo("INSUFFICIENT_FUNDS"));
        assertThat(chain.writes()).isEmpty();
    }
}
