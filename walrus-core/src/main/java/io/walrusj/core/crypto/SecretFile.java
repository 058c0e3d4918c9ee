package io.walrusj.core.crypto;

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
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A 32-byte secret key in a file, as every service keeps its keys: standard base64 of the 32 bytes
 * (optionally followed by a newline), or exactly 32 raw bytes (mounted secrets). A configured file
 * is only read; otherwise {@code <dataDir>/<fileName>} is read, or generated on first start with
 * permissions {@code rw-------}: temp file created with those permissions, fsynced, atomically moved
 * into place, directory fsynced. Secret bytes are zeroed after use.
 */
public final class SecretFile {
    public static final int LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {}

    /**
     * Loads {@code configured} if given, else loads or creates {@code dataDir/fileName}.
     *
     * @param what        what the file holds, for error messages ("BLS12-381 secret key")
     * @param fromSecret  builds the key from the 32 secret bytes (which are zeroed afterwards)
     * @param generate    a fresh random key
     * @param toSecret    the key's 32 secret bytes (a copy; zeroed after writing)
     */
    public static <K> K loadOrCreate(Path dataDir, String fileName, Path configured, String what,
            Function<byte[], K> fromSecret, Supplier<K> generate, Function<K, byte[]> toSecret) {
        if (configured != null) {
            return read(configured, what, fromSecret);
        }
        Path file = dataDir.resolve(fileName);
        if (Files.exists(file)) {
            return read(file, what, fromSecret);
        }
        K key = generate.get();
        byte[] secret = toSecret.apply(key);
        byte[] text = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(secret, (byte) 0);
        return writeOwnerOnly(file, text, what) ? key : read(file, what, fromSecret);
    }

    /** Reads the key in {@code file} (base64 text or 32 raw bytes). */
    public static <K> K read(Path file, String what, Function<byte[], K> fromSecret) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " " + file, e);
        }
        byte[] secret = null;
        try {
            secret = raw.length == LENGTH ? raw.clone()
                    : Base64.getDecoder().decode(new String(raw, StandardCharsets.US_ASCII).strip());
            if (secret.length != LENGTH) {
                throw new IllegalArgumentException(secret.length + " bytes");
            }
            return fromSecret.apply(secret);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the key file " + file + " does not hold a " + what + " (base64 of "
                    + LENGTH + " bytes): " + e.getMessage(), e);
        } finally {
            Arrays.fill(raw, (byte) 0);
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    /** Writes {@code text} (zeroed afterwards) as a new owner-only file; false if the file appeared meanwhile. */
    private static boolean writeOwnerOnly(Path file, byte[] text, String what) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
                ch.write(ByteBuffer.wrap(text));
                ch.force(true);
            }
            if (posix) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY); // in case the umask removed bits we asked for
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
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException ignored) {
                // not every platform can fsync a directory
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + what + " " + file, e);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }
}
