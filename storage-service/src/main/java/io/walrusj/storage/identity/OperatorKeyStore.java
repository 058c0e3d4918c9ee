package io.walrusj.storage.identity;

import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SecretFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The node operator's Ed25519 Sui account key (sender of the devnet registration and staking
 * transactions, owner of the {@code StorageNodeCap}): the 32-byte seed in a {@link SecretFile}
 * (a mounted file is never written, else {@code <dataDir>/operator.key}, generated on first start).
 */
public final class OperatorKeyStore {
    public static final String FILE_NAME = "operator.key";
    private static final String WHAT = "Ed25519 operator key seed";

    private OperatorKeyStore() {
    }

    public static Ed25519KeyPair loadOrCreate(Path dataDir, Path configured) {
        return SecretFile.loadOrCreate(dataDir, FILE_NAME, configured, WHAT, Ed25519KeyPair::fromSeed,
                () -> Ed25519KeyPair.generate(new SecureRandom()), Ed25519KeyPair::seed);
    }

    /**
     * The operator key if the node has one (mounted, or generated earlier by devnet registration),
     * without creating it: a node with an operator key runs on the walrusj devnet and may send
     * transactions there.
     */
    public static Optional<Ed25519KeyPair> loadIfPresent(Path dataDir, Path configured) {
        if (configured != null) {
            return Optional.of(read(configured));
        }
        Path file = dataDir.resolve(FILE_NAME);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    public static Ed25519KeyPair read(Path file) {
        return SecretFile.read(file, WHAT, Ed25519KeyPair::fromSeed);
    }
}
