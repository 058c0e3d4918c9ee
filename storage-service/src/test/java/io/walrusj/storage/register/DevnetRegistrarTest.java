package io.walrusj.storage.register;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.factory.Chain;
import io.walrusj.chain.factory.Chains;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.chain.testing.FakeWrite;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.ProofOfPossessionMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.storage.config.StorageProperties;
import io.walrusj.storage.identity.OperatorKeyStore;
import io.walrusj.storage.testing.NodeChain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Devnet self-registration through the node's {@link Chain} (as wired in the app: gRPC reads, writes
 * to the fake chain's {@code devnet_executeTransaction}).
 */
class DevnetRegistrarTest {
    static final long EPOCH = 3;
    final FakeSuiChain chain = NodeChain.start(10, EPOCH, Map.of());
    Chain opened;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
        chain.close();
    }

    StorageProperties props(Map<String, String> extra) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("storage.data-dir", dir.toString(),
                "storage.rpc-url", chain.jsonRpcUri().toString(), "storage.grpc-url", chain.grpcUrl(),
                "storage.register-on-devnet", "true",
                "storage.public-url", "http://node7.example:9107", "storage.stake", "5000000000"));
        m.putAll(extra);
        return new Binder(new MapConfigurationPropertySource(m)).bind("storage", StorageProperties.class).get();
    }

    NodeIdentity resolve(StorageProperties p, BlsKeyPair key) {
        if (opened == null) {
            opened = Chains.open(p.chainSettings());
        }
        Chain c = opened;
        return DevnetRegistrar.resolve(p, key, c::writer, () -> c.reader().stakingState().epoch());
    }

    @Test
    void registersStakesAndRemembers() throws Exception {
        BlsKeyPair bls = BlsKeyPair.generate(new java.security.SecureRandom());
        NodeIdentity id = resolve(props(Map.of("storage.use-faucet", "true")), bls);

        Path keyFile = dir.resolve(OperatorKeyStore.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        SuiAddress operator = OperatorKeyStore.read(keyFile).suiAddress();

        List<FakeWrite> txs = chain.writes();
        assertThat(txs).hasSize(3);
        assertThat(txs).allSatisfy(t -> assertThat(t.sender()).isEqualTo(operator));
        assertThat(txs.get(0).call()).isEqualTo(new Call.Faucet(operator, 5_000_000_000L));
        Call.RegisterCandidate reg = (Call.RegisterCandidate) txs.get(1).call();
        assertThat(reg.networkAddress()).isEqualTo("node7.example:9107");
        assertThat(reg.name()).isEqualTo("walrusj-node7.example:9107");
        assertThat(reg.blsPublicKey()).isEqualTo(bls.publicKey());
        assertThat(reg.networkPublicKey()).hasSize(33);
        assertThat(new ProofOfPossessionMessage(EPOCH, operator, bls.publicKey())
                .verify(BlsSignature.fromBytes(reg.proofOfPossession()))).isTrue();
        SuiAddress pool = FakeSuiChain.addr(0x80); // the fake chain's first created object
        assertThat(id.nodeId()).contains(pool);
        assertThat(txs.get(2).call()).isEqualTo(new Call.StakeWithPool(pool, 5_000_000_000L));
        assertThat(Files.readString(dir.resolve(DevnetRegistrar.NODE_ID_FILE)).strip()).isEqualTo(pool.toString());

        // a restart uses the remembered id and sends nothing
        assertThat(resolve(props(Map.of("storage.use-faucet", "true")), bls).nodeId()).contains(pool);
        assertThat(chain.writes()).hasSize(3);
        // the same operator key is reloaded
        assertThat(OperatorKeyStore.loadOrCreate(dir, null).suiAddress()).isEqualTo(operator);
    }

    @Test
    void withoutFaucetAndAfterAFailedStakeOnlyStakes() throws Exception {
        BlsKeyPair bls = BlsKeyPair.generate(new java.security.SecureRandom());
        SuiAddress pool = FakeSuiChain.addr(0x42);
        Files.writeString(dir.resolve(DevnetRegistrar.NODE_ID_FILE), pool + "\n"); // registered, stake missing
        assertThat(resolve(props(Map.of()), bls).nodeId()).contains(pool);
        assertThat(chain.writes()).extracting(t -> t.call())
                .containsExactly(new Call.StakeWithPool(pool, 5_000_000_000L));
    }

    @Test
    void configuredNodeIdOrDisabledSendsNothing() {
        BlsKeyPair bls = BlsKeyPair.generate(new java.security.SecureRandom());
        SuiAddress configured = FakeSuiChain.addr(0x0a);
        assertThat(resolve(props(Map.of("storage.node-id", configured.toString())), bls).nodeId()).contains(configured);
        assertThat(resolve(props(Map.of("storage.register-on-devnet", "false")), bls).nodeId()).isEqualTo(Optional.empty());
        assertThat(chain.writes()).isEmpty();
        assertThat(dir.resolve(OperatorKeyStore.FILE_NAME)).doesNotExist();
    }

    @Test
    void mountedOperatorKeyIsUsed() throws Exception {
        BlsKeyPair bls = BlsKeyPair.generate(new java.security.SecureRandom());
        io.walrusj.core.crypto.Ed25519KeyPair op = io.walrusj.core.crypto.Ed25519KeyPair.generate();
        Path mounted = Files.createTempFile(dir.getParent(), "op", ".key");
        Files.writeString(mounted, java.util.Base64.getEncoder().encodeToString(op.seed()));
        resolve(props(Map.of("storage.operator-key-file", mounted.toString())), bls);
        assertThat(chain.writes()).extracting(t -> t.sender()).containsOnly(op.suiAddress());
        assertThat(chain.writes()).extracting(t -> t.call().function())
                .containsExactly("register_candidate", "stake_with_pool");
        assertThat(dir.resolve(OperatorKeyStore.FILE_NAME)).doesNotExist();
        Files.delete(mounted);
    }
}
