package io.walrusj.encoder.publish;

import io.walrusj.core.crypto.Ed25519KeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * The publisher wallet's Ed25519 key, handled like the storage node's operator key: a configured
 * file (base64 of the 32-byte seed, or the 32 raw bytes) is only read; otherwise
 * {@code <dataDir>/publisher-wallet.key} is read, or generated on first start ({@code rw-------},
 * fsynced, atomically moved into place).
 */
public final class WalletKeyStore {
    public static final String FILE_NAME = "publisher-wallet.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private WalletKeyStore() {}

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
        return writeOwnerOnly(file, text) ? key : read(file);
    }

    public static Ed25519KeyPair read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the publisher wallet key " + file, e);
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
            throw new IllegalStateException("the publisher wallet key file " + file
                    + " does not hold an Ed25519 seed (base64 of 32 bytes): " + e.getMessage(), e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Writes a new owner-only file; false if another process created it first. */
    private static boolean writeOwnerOnly(Path file, byte[] text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    attrs)) {
                ch.write(ByteBuffer.wrap(text));
                ch.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY); // the umask may have removed bits
            }
            if (Files.exists(file)) {
                Files.deleteIfExists(tmp);
                return false;
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the publisher wallet key " + file, e);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }
}
