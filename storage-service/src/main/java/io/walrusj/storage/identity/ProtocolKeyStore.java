package io.walrusj.storage.identity;

import io.walrusj.core.crypto.BlsKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.channels.FileChannel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * The node's BLS protocol key. File format: standard base64 (with padding) of the 32-byte
 * big-endian secret scalar, optionally followed by a newline; a file of exactly 32 raw bytes is
 * accepted as well (for mounted secrets).
 *
 * <p>Either loaded from a configured file (a mounted secret, never written) or generated on the
 * first start into {@code <dataDir>/protocol.key} with permissions {@code rw-------}: written to a
 * temporary file created with those permissions, fsynced, then atomically moved in place.
 */
public final class ProtocolKeyStore {
    public static final String FILE_NAME = "protocol.key";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private ProtocolKeyStore() {
    }

    /** Loads {@code configured} if given, else loads or creates {@code dataDir/protocol.key}. */
    public static BlsKeyPair loadOrCreate(Path dataDir, Path configured) {
        if (configured != null) {
            return read(configured);
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        return create(file, new SecureRandom());
    }

    public static BlsKeyPair read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the protocol key " + file, e);
        }
        try {
            if (raw.length == 32) {
                return BlsKeyPair.fromSecretKeyBytes(raw);
            }
            byte[] secret = Base64.getDecoder().decode(new String(raw, StandardCharsets.US_ASCII).strip());
            try {
                return BlsKeyPair.fromSecretKeyBytes(secret);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("the protocol key file " + file
                    + " does not hold a BLS12-381 secret key (base64 of 32 bytes): " + e.getMessage(), e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    static BlsKeyPair create(Path file, SecureRandom random) {
        BlsKeyPair key = BlsKeyPair.generate(random);
        byte[] secret = key.secretKeyBytes();
        byte[] text = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(secret, (byte) 0);
        return writeOwnerOnly(file, text) ? key : read(file);
    }

    /**
     * Writes {@code text} (zeroed afterwards) to {@code file} with permissions {@code rw-------}:
     * temp file, fsync, atomic move, directory fsync. Returns false if the file appeared meanwhile.
     */
    static boolean writeOwnerOnly(Path file, byte[] text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
                ch.write(java.nio.ByteBuffer.wrap(text));
                ch.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY); // in case the umask removed bits we asked for
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                return false;
            }
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException ignored) {
                // not every platform can fsync a directory
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secret " + file, e);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
        return true;
    }
}
