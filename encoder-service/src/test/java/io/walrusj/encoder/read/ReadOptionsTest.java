package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.api.FrameworkRejection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadOptionsTest {

    static Map<String, String[]> q(String... kv) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], new String[] {kv[i + 1]});
        }
        return m;
    }

    @Test
    void flagsSelectTheCheck() {
        assertThat(ReadOptions.parse(q())).isEqualTo(ConsistencyCheck.DEFAULT);
        assertThat(ReadOptions.parse(q("strict_consistency_check", "true"))).isEqualTo(ConsistencyCheck.STRICT);
        assertThat(ReadOptions.parse(q("skip_consistency_check", "true"))).isEqualTo(ConsistencyCheck.SKIP);
        assertThat(ReadOptions.parse(q("strict_consistency_check", "false", "skip_consistency_check", "false")))
                .isEqualTo(ConsistencyCheck.DEFAULT);
    }

    @Test
    void bothFlagsAreInvalidConsistencyCheck() {
        assertThatThrownBy(() -> ReadOptions.parse(q("strict_consistency_check", "true", "skip_consistency_check", "true")))
                .isInstanceOfSatisfying(DaemonException.class, e -> {
                    assertThat(e.status().http()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("INVALID_CONSISTENCY_CHECK");
                });
    }

    @Test
    void unknownParametersAndNonBooleansAreFrameworkRejections() {
        assertThatThrownBy(() -> ReadOptions.parse(q("strict", "true"))).isInstanceOf(FrameworkRejection.class)
                .hasMessageContaining("unknown field `strict`");
        assertThatThrownBy(() -> ReadOptions.parse(q("skip_consistency_check", "1"))).isInstanceOf(FrameworkRejection.class);
    }
}
