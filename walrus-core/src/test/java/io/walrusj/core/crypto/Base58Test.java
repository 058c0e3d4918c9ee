package io.walrusj.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58Test {
    @Test
    void knownValuesAndRoundTrips() {
        assertThat(Base58.encode("hello world".getBytes())).isEqualTo("StV1DL6CwTryKyV");
        assertThat(Base58.encode(HexFormat.of().parseHex("0000287fb4cd"))).isEqualTo("11233QC4");
        assertThat(Base58.encode(new byte[0])).isEmpty();
        assertThat(Base58.decode("11233QC4", 0)).isEqualTo(HexFormat.of().parseHex("0000287fb4cd"));
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            if (i % 10 == 0) {
                digest[0] = 0;
            }
            assertThat(Base58.decode(Base58.encode(digest), 32)).isEqualTo(digest);
        }
    }

    @Test
    void decodeWithoutLengthCheck() {
        byte[] b = {0, 0, 1, 2, (byte) 0xff};
        assertThat(Base58.decode(Base58.encode(b))).isEqualTo(b);
        assertThat(Base58.encode(new byte[] {0, 0})).isEqualTo("11");
        assertThat(Base58.decode("11")).isEqualTo(new byte[] {0, 0});
        assertThat(Base58.decode("")).isEmpty();
        assertThat(Base58.decode("StV1DL6CwTryKyV")).isEqualTo("hello world".getBytes());
        assertThat(Base58.decode("DPTFT6rHjBugKYKM73ktonxppQZ2eqYfDKtwgyybdCQx")).hasSize(32);
        // 0, O, I and l are not in the alphabet; neither is anything outside ASCII.
        for (String bad : new String[] {"0OIl", "O", "I", "l", "+", "2\u00e9"}) {
            assertThatThrownBy(() -> Base58.decode(bad)).as(bad).isInstanceOfSatisfying(CryptoException.class,
                    e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.INVALID_ENCODING));
        }
    }

    @Test
    void rejectsBadTextAndLength() {
        assertThatThrownBy(() -> Base58.decode("abc0", 0)).isInstanceOf(CryptoException.class).hasMessageContaining("'0'");
        assertThatThrownBy(() -> Base58.decode("StV1DL6CwTryKyV", 32)).hasMessageContaining("expected 32");
    }
}
