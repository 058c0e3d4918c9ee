package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyReaderTest {
    @TempDir
    Path spool;

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void smallBodiesStayInMemory() throws Exception {
        BodyReader reader = new BodyReader(1000, 100, spool);
        byte[] data = bytes(100);
        try (BlobBody body = reader.read(new ByteArrayInputStream(data), -1)) {
            assertThat(body).isInstanceOf(BlobBody.InMemory.class);
            assertThat(body.openStream().readAllBytes()).isEqualTo(data);
        }
        try (BlobBody empty = reader.read(InputStream.nullInputStream(), 0)) {
            assertThat(empty.length()).isZero();
        }
    }

    @Test
    void bodiesAboveTheThresholdAreSpooledAndTheFileDeletedOnClose() throws Exception {
        BodyReader reader = new BodyReader(1000, 100, spool);
        for (long declared : new long[] {-1, 101, 500}) {
            byte[] data = bytes(declared < 0 ? 101 : (int) declared);
            BlobBody body = reader.read(new ByteArrayInputStream(data), declared);
            assertThat(body).isInstanceOfSatisfying(BlobBody.Spooled.class, s -> assertThat(s.file()).exists());
            assertThat(body.length()).isEqualTo(data.length);
            try (InputStream in = body.openStream()) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            body.close();
            try (var files = Files.list(spool)) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void overTheLimitIsPayloadTooLargeWhetherDeclaredOrCounted() throws Exception {
        BodyReader reader = new BodyReader(1000, 100, spool);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes(10)), 1001))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes(1001)), -1))
                .isInstanceOf(PayloadTooLargeException.class);
        try (var files = Files.list(spool)) {
            assertThat(files).isEmpty(); // the partial spool file is gone
        }
        BodyReader memoryOnly = new BodyReader(50, 100, spool);
        assertThatThrownBy(() -> memoryOnly.read(new ByteArrayInputStream(bytes(51)), -1))
                .isInstanceOf(PayloadTooLargeException.class);
        try (BlobBody exact = memoryOnly.read(new ByteArrayInputStream(bytes(50)), -1)) {
            assertThat(exact.length()).isEqualTo(50);
        }
    }
}
