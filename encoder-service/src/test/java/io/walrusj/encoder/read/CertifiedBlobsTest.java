package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.core.metadata.BlobId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CertifiedBlobsTest {
    static BlobId id(int b) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) b;
        return BlobId.of(bytes);
    }

    @Test
    void remembersUntilExpiry() throws InterruptedException {
        CertifiedBlobs c = new CertifiedBlobs(Duration.ofMillis(100), 10);
        c.add(id(1));
        assertThat(c.contains(id(1))).isTrue();
        assertThat(c.contains(id(2))).isFalse();
        Thread.sleep(150);
        assertThat(c.contains(id(1))).isFalse();
    }

    @Test
    void boundedAndDisableable() {
        CertifiedBlobs c = new CertifiedBlobs(Duration.ofMinutes(1), 3);
        for (int i = 0; i < 4; i++) {
            c.add(id(i));
        }
        assertThat(c.contains(id(0))).isFalse();
        assertThat(c.contains(id(3))).isTrue();
        CertifiedBlobs off = new CertifiedBlobs(Duration.ZERO, 3);
        off.add(id(1));
        assertThat(off.contains(id(1))).isFalse();
    }
}
