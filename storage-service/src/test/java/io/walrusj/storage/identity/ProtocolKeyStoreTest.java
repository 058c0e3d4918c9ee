package io.walrusj.storage.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.BlsKeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocolKeyStoreTest {
    @TempDir
    Path dir;

    @Test
    void generatesOnFirstStartOwnerOnlyAndReloadsTheSameKey() throws Exception {
        BlsKeyPair first = ProtocolKeyStore.loadOrCreate(dir, null);
        Path file = dir.resolve(ProtocolKeyStore.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.exists(dir.resolve(ProtocolKeyStore.FILE_NAME + ".tmp"))).isFalse();
        BlsKeyPair again = ProtocolKeyStore.loadOrCreate(dir, null);
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(first.publicKey().verify(msg, again.sign(msg))).isTrue();
    }

    @Test
    void loadsAMountedSecretInBase64OrRawAndNeverWritesTheDataDir() throws Exception {
        BlsKeyPair key = BlsKeyPair.generate(new SecureRandom());
        Path b64 = dir.resolve("secret.b64");
        Files.writeString(b64, Base64.getEncoder().encodeToString(key.secretKeyBytes()) + "\n");
        Path raw = dir.resolve("secret.raw");
        Files.write(raw, key.secretKeyBytes());
        Path data = dir.resolve("data");
        assertThat(ProtocolKeyStore.loadOrCreate(data, b64).publicKey()).isEqualTo(key.publicKey());
        assertThat(ProtocolKeyStore.loadOrCreate(data, raw).publicKey()).isEqualTo(key.publicKey());
        assertThat(Files.exists(data.resolve(ProtocolKeyStore.FILE_NAME))).isFalse();
    }

    @Test
    void rejectsAFileThatIsNotAKey() throws Exception {
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "not a key");
        assertThatThrownBy(() -> ProtocolKeyStore.read(bad)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not hold a BLS12-381 secret key");
    }
}
