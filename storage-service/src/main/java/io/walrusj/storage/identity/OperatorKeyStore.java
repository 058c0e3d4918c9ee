package io.walrusj.storage.identity;

import io.walrusj.core.crypto.Ed25519KeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The node operator's Ed25519 Sui account key (sender of the devnet registration and staking
 * transactions, owner of the {@code StorageNodeCap}). Same file handling as {@link ProtocolKeyStore}:
 * base64 of the 32-byte seed (or 32 raw bytes), a mounted file is never written, else generated on
 * first start into {@code <dataDir>/operator.key} ({@code rw-------}, fsynced, atomically renamed).
 */
public final class OperatorKeyStore {
    public static final String FILE_NAME = "operator.key";

    private OperatorKeyStore() {
    }

    public static Ed25519KeyPair loadOrCreate(Path dataDir, Path configured) {
        if (configured != null) {
            return read(configured);
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        Ed25519KeyPair key = Ed25519KeyPair.generate(new SecureRandom());
        byte[] seed = key.seed();
        byte[] text = (Base64.getEncoder().encodeToString(seed) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(seed, (byte) 0);
        return ProtocolKeyStore.writeOwnerOnly(file, text) ? key : read(file);
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
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator key " + file, e);
        }
        try {
            if (raw.length == Ed25519KeyPair.SEED_LENGTH) {
                return Ed25519KeyPair.fromSeed(raw);
            }
            byte[] seed = Base64.getDecoder().decode(new String(raw, StandardCharsets.US_ASCII).strip());
            try {
                return Ed25519KeyPair.fromSeed(seed);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("the operator key file " + file
                    + " does not hold an Ed25519 seed (base64 of 32 bytes): " + e.getMessage(), e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
