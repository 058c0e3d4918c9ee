package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.encoder.api.DaemonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @Test
    void parsesTheOneSupportedForm() {
        assertThat(ByteRange.parseHeader("bytes=0-0")).isEqualTo(new ByteRange(0, 1, true));
        assertThat(ByteRange.parseHeader("bytes=10-19")).isEqualTo(new ByteRange(10, 10, true));
        assertThat(ByteRange.parseHeader("  bytes=5-7 ")).isEqualTo(new ByteRange(5, 3, true));
        assertThat(ByteRange.parseHeader("bytes=7 - 9")).isEqualTo(new ByteRange(7, 3, true));
        assertThat(ByteRange.parseHeader("bytes=9223372036854775805-9223372036854775806").length()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=5-", "bytes=-5", "bytes=0-1,2-3", "bytes=0-1, 5-9", "bytes=3-2", "items=0-1", "0-1",
            "bytes=", "bytes=-", "bytes=a-b", "bytes=1-x", "bytes=+1-2", "bytes=1--2", "bytes=0x1-2", "bytes=1.0-2",
            "bytes=99999999999999999999-1", "bytes=0-9223372036854775807", "Bytes=0-1", "bytes 0-1"})
    void everyOtherFormIs416InvalidByteRange(String header) {
        assertThatThrownBy(() -> ByteRange.parseHeader(header)).isInstanceOfSatisfying(DaemonException.class, e -> {
            assertThat(e.status().http()).isEqualTo(416);
            assertThat(e.reason()).isEqualTo("INVALID_BYTE_RANGE");
        });
    }

    @Test
    void headerRangesMustLieWithinTheBlob() {
        new ByteRange(0, 10, true).requireWithin(10);
        new ByteRange(9, 1, true).requireWithin(10);
        assertThatThrownBy(() -> new ByteRange(9, 2, true).requireWithin(10))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.status().http()).isEqualTo(416));
        assertThatThrownBy(() -> new ByteRange(0, 1, true).requireWithin(0))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.status().http()).isEqualTo(416));
    }

    @Test
    void queryRangesAre400() {
        assertThat(ByteRange.fromQuery(3, 4)).isEqualTo(new ByteRange(3, 4, false));
        for (long[] bad : new long[][] {{0, 0}, {Long.MAX_VALUE, 1}, {-1L, 1}, {0, -1L}, {5, Long.MAX_VALUE}}) {
            assertThatThrownBy(() -> ByteRange.fromQuery(bad[0], bad[1]))
                    .isInstanceOfSatisfying(DaemonException.class, e -> {
                        assertThat(e.status().http()).isEqualTo(400);
                        assertThat(e.reason()).isEqualTo("INVALID_BYTE_RANGE");
                    });
        }
        assertThatThrownBy(() -> ByteRange.fromQuery(8, 3).requireWithin(10))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.status().http()).isEqualTo(400));
    }

    @Test
    void contentRangeIsInclusive() {
        assertThat(ByteRange.parseHeader("bytes=10-19").contentRange(100)).isEqualTo("bytes 10-19/100");
    }
}
