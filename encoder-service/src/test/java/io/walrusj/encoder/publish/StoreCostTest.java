package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.encoder.api.DaemonException;
import org.junit.jupiter.api.Test;

class StoreCostTest {

    @Test
    void smallBlobOnMainnetSizedCommitteeIs63UnitsOfEncodedSize() {
        // client-http-api 2.1: 66,034,000 encoded bytes for any blob up to 222,778 bytes at n = 1000
        StoreCost cost = StoreCost.of(new EncodingConfig(1000), 17, 1, 100_000, 20_000);
        assertThat(cost.encodedLength()).isEqualTo(66_034_000L);
        assertThat(cost.units()).isEqualTo(63);
        assertThat(cost.storageFee()).isEqualTo(63 * 100_000L);
        assertThat(cost.writeFee()).isEqualTo(63 * 20_000L);
        assertThat(cost.total()).isEqualTo(63 * 120_000L);
        // symbols are at least 2 bytes: p * s * 2 = 445,556 bytes still fit the smallest encoding
        assertThat(StoreCost.of(new EncodingConfig(1000), 445_556, 1, 1, 1).units()).isEqualTo(63);
        assertThat(StoreCost.of(new EncodingConfig(1000), 445_557, 1, 1, 1).units()).isEqualTo(65);
    }

    @Test
    void storageFeeScalesWithEpochsButTheWriteFeeIsPaidOnce() {
        StoreCost one = StoreCost.of(new EncodingConfig(10), 1 << 20, 1, 100_000, 20_000);
        StoreCost five = StoreCost.of(new EncodingConfig(10), 1 << 20, 5, 100_000, 20_000);
        assertThat(five.storageFee()).isEqualTo(5 * one.storageFee());
        assertThat(five.writeFee()).isEqualTo(one.writeFee());
        long units = (new EncodingConfig(10).encodedLength(1 << 20) + (1 << 20) - 1) >> 20;
        assertThat(five.total()).isEqualTo(units * (5 * 100_000L + 20_000L));
    }

    @Test
    void unsetPricesAre503NotAnOverflow() {
        assertThatThrownBy(() -> StoreCost.of(new EncodingConfig(10), 1, 2, -1L, -1L))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.status().http()).isEqualTo(503));
        assertThatThrownBy(() -> StoreCost.of(new EncodingConfig(10), 1, 2, Long.MAX_VALUE, 1))
                .isInstanceOf(DaemonException.class);
    }
}
