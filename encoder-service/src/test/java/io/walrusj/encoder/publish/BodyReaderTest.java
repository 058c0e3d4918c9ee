package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.encoder.api.DaemonException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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

    /** A body of {@code total} bytes arriving {@code perRead} bytes at a time, each read taking {@code readTime} on {@code clock}. */
    static InputStream paced(int total, int perRead, Duration readTime, AtomicLong clock) {
        return new InputStream() {
            int left = total;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                clock.addAndGet(readTime.toNanos());
                int n = Math.min(Math.min(len, perRead), left);
                left -= n;
                return n;
            }
        };
    }

    static void assertBodyTimeout(Throwable e) {
        assertThat(e).isInstanceOfSatisfying(DaemonException.class, d -> {
            assertThat(d.http()).isEqualTo(408);
            assertThat(d.toBody().code()).isEqualTo(408);
            assertThat(d.reason()).isEqualTo("REQUEST_BODY_TIMEOUT");
        });
    }

    @Test
    void aBodyBehindItsPaceIs408WhetherInMemoryOrSpooled() throws Exception {
        AtomicLong clock = new AtomicLong();
        // 100 bytes/s after 2 s: 10 bytes a second are behind from the third second on
        BodyPace pace = new BodyPace(Duration.ofSeconds(2), 100, clock::get);
        BodyReader reader = new BodyReader(100_000, 100, spool, pace);
        for (long declared : new long[] {50, 1000, -1}) {
            assertThatThrownBy(() -> reader.read(paced(1000, 10, Duration.ofSeconds(1), clock), declared))
                    .satisfies(BodyReaderTest::assertBodyTimeout);
        }
        try (var files = Files.list(spool)) {
            assertThat(files).isEmpty(); // a spooled part is deleted
        }
        // the same body at 200 bytes a second is in time, in memory and spooled
        try (BlobBody small = reader.read(paced(100, 20, Duration.ofMillis(100), clock), 100);
                BlobBody large = reader.read(paced(5000, 200, Duration.ofSeconds(1), clock), 5000)) {
            assertThat(small.length()).isEqualTo(100);
            assertThat(large.length()).isEqualTo(5000);
        }
    }

    @Test
    void theDeclaredSizeGivesTheTotalDeadline() {
        BodyPace pace = new BodyPace(Duration.ofSeconds(10), 16 * 1024);
        assertThat(pace.totalDeadline(10L * 1024 * 1024)).isEqualTo(Duration.ofSeconds(10 + 640));
        assertThat(BodyPace.NONE.totalDeadline(1)).isGreaterThan(Duration.ofDays(365));
    }

    @Test
    void aReadThatTimedOutIs408AndOtherReadFailuresStayIoErrors() {
        BodyReader reader = new BodyReader(1000, 100, spool, new BodyPace(Duration.ofSeconds(1), 100));
        InputStream timedOut = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("client abort", new SocketTimeoutException());
            }
        };
        assertThatThrownBy(() -> reader.read(timedOut, 10)).satisfies(BodyReaderTest::assertBodyTimeout);
        InputStream reset = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset");
            }
        };
        assertThatThrownBy(() -> reader.read(reset, 10)).isInstanceOf(IOException.class).hasMessage("Connection reset");
    }
}
