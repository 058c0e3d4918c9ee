package io.walrusj.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.sliver.SliverType;
import org.junit.jupiter.api.Test;

class EncodingConfigTest {

    @Test
    void parametersDerivedFromN() {
        int[][] table = {{1000, 333, 334, 667}, {10, 3, 4, 7}, {7, 2, 3, 5}, {4, 1, 2, 3}};
        for (int[] row : table) {
            EncodingConfig config = new EncodingConfig(row[0]);
            assertThat(config.maxFaulty()).isEqualTo(row[1]);
            assertThat(config.primarySymbols()).isEqualTo(row[2]);
            assertThat(config.secondarySymbols()).isEqualTo(row[3]);
            assertThat(config.symbolsPerSliver(SliverType.PRIMARY)).isEqualTo(row[3]);
            assertThat(config.symbolsPerSliver(SliverType.SECONDARY)).isEqualTo(row[2]);
        }
    }

    @Test
    void symbolSizeLimitsAndPricing() {
        EncodingConfig config = new EncodingConfig(1000);
        assertThat(config.maxBlobSize()).isEqualTo(14_599_533_452L);
        assertThat(config.symbolSize(0)).isEqualTo(2);
        assertThat(config.symbolSize(1)).isEqualTo(2);
        assertThat(config.symbolSize(2L * 222_778)).isEqualTo(2);
        assertThat(config.symbolSize(2L * 222_778 + 1)).isEqualTo(4); // 3 rounds up to even
        assertThat(config.symbolSize(4 << 20)).isEqualTo(20);
        assertThat(config.symbolSize(config.maxBlobSize())).isEqualTo(65534);
        assertThatThrownBy(() -> config.symbolSize(config.maxBlobSize() + 1)).isInstanceOf(EncodingException.class)
                .hasMessageContaining("exceeds the maximum");
        assertThatThrownBy(() -> config.symbolSize(-1)).isInstanceOf(EncodingException.class);
        // Every blob up to p*s*2 bytes costs the same: metadata on every shard plus two-byte symbols.
        assertThat(config.encodedLength(0)).isEqualTo(66_034_000L);
        assertThat(config.encodedLength(222_778)).isEqualTo(66_034_000L);
        assertThat(config.encodedLength(4 << 20)).isEqualTo(1000L * (1000 * 64 + 32) + 1000L * 1001 * 20);
        assertThat(config.storageUnits(0)).isEqualTo(63); // 62.97 MiB rounded up
    }

    @Test
    void pairAndShardIndexing() {
        EncodingConfig config = new EncodingConfig(10);
        assertThat(config.pairIndex(SliverType.PRIMARY, 3)).isEqualTo(3);
        assertThat(config.pairIndex(SliverType.SECONDARY, 3)).isEqualTo(6);
        assertThat(config.sliverIndex(SliverType.SECONDARY, 6)).isEqualTo(3);
        for (int offset = 0; offset < 10; offset++) {
            for (int pair = 0; pair < 10; pair++) {
                assertThat(config.pairForShard(config.shardForPair(pair, offset), offset)).isEqualTo(pair);
            }
        }
        assertThatThrownBy(() -> new EncodingConfig(49153)).hasMessageContaining("at most");
    }
}
