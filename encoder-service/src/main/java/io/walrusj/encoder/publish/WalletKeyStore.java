package io.walrusj.encoder.publish;

import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SecretFile;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The publisher wallet's Ed25519 key: the 32-byte seed in a {@link SecretFile} (a configured file is
 * only read; else {@code <dataDir>/publisher-wallet.key}, generated {@code rw-------} on first start).
 */
public final class WalletKeyStore {
    public static final String FILE_NAME = "publisher-wallet.key";
    private static final String WHAT = "Ed25519 publisher wallet seed";

    private WalletKeyStore() {}

    public static Ed25519KeyPair loadOrCreate(Path dataDir, Path configured) {
        return SecretFile.loadOrCreate(dataDir, FILE_NAME, configured, WHAT, Ed25519KeyPair::fromSeed,
                () -> Ed25519KeyPair.generate(new SecureRandom()), Ed25519KeyPair::seed);
    }

    public static Ed25519KeyPair read(Path file) {
        return SecretFile.read(file, WHAT, Ed25519KeyPair::fromSeed);
    }
}
