package io.walrusj.storage.identity;

import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.SecretFile;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The node's BLS protocol key: the 32-byte big-endian secret scalar in a {@link SecretFile}
 * (a configured, mounted file, never written; else {@code <dataDir>/protocol.key}, generated
 * {@code rw-------} on first start).
 */
public final class ProtocolKeyStore {
    public static final String FILE_NAME = "protocol.key";
    private static final String WHAT = "BLS12-381 secret key";

    private ProtocolKeyStore() {
    }

    /** Loads {@code configured} if given, else loads or creates {@code dataDir/protocol.key}. */
    public static BlsKeyPair loadOrCreate(Path dataDir, Path configured) {
        return SecretFile.loadOrCreate(dataDir, FILE_NAME, configured, WHAT, BlsKeyPair::fromSecretKeyBytes,
                () -> BlsKeyPair.generate(new SecureRandom()), BlsKeyPair::secretKeyBytes);
    }

    public static BlsKeyPair read(Path file) {
        return SecretFile.read(file, WHAT, BlsKeyPair::fromSecretKeyBytes);
    }
}
