package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.api.FrameworkRejection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConcatRequestTest {

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void queryForm() {
        ConcatRequest r = ConcatRequest.fromQuery(Map.of("ids", new String[] {"a,b, c"},
                "strict_consistency_check", new String[] {"true"}), 100);
        assertThat(r.ids()).containsExactly("a", "b", "c");
        assertThat(r.check()).isEqualTo(ConsistencyCheck.STRICT);
        assertThatThrownBy(() -> ConcatRequest.fromQuery(Map.of("ids", new String[] {""}), 100)).isInstanceOf(FrameworkRejection.class)
                .hasMessage("at least one blob ID or object ID must be provided");
        assertThatThrownBy(() -> ConcatRequest.fromQuery(Map.of(), 100)).isInstanceOf(FrameworkRejection.class);
        assertThatThrownBy(() -> ConcatRequest.fromQuery(Map.of("ids", new String[] {"a"}, "x", new String[] {"1"}), 100))
                .isInstanceOf(FrameworkRejection.class);
        assertThatThrownBy(() -> ConcatRequest.fromQuery(Map.of("ids", new String[] {"a"},
                "strict_consistency_check", new String[] {"true"}, "skip_consistency_check", new String[] {"true"}), 100))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.reason()).isEqualTo("INVALID_CONSISTENCY_CHECK"));
    }

    @Test
    void jsonForm() {
        ConcatRequest r = ConcatRequest.fromJson(json("{\"ids\":[\"x\",\"y\"],\"skip_consistency_check\":true}"), 100);
        assertThat(r.ids()).containsExactly("x", "y");
        assertThat(r.check()).isEqualTo(ConsistencyCheck.SKIP);
        for (String bad : List.of("{", "[]", "{\"ids\":\"x\"}", "{\"ids\":[1]}", "{\"ids\":[\"x\"],\"other\":1}",
                "{\"ids\":[\"x\"],\"strict_consistency_check\":\"yes\"}", "{\"ids\":[]}")) {
            assertThatThrownBy(() -> ConcatRequest.fromJson(json(bad), 100)).as(bad).isInstanceOf(FrameworkRejection.class);
        }
    }

    @Test
    void etagIsBase64UrlOfSha256OfTheJoinedIds() throws Exception {
        ConcatRequest r = new ConcatRequest(List.of("id1", "id2"), ConsistencyCheck.DEFAULT);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("id1,id2".getBytes(StandardCharsets.UTF_8));
        assertThat(r.etag()).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)).hasSize(43);
    }

    @Test
    void moreIdsThanTheCapAre400TooManyIdsRepetitionsIncluded() {
        assertThat(ConcatRequest.fromQuery(Map.of("ids", new String[] {"a,a,a"}), 3).ids()).hasSize(3);
        assertThat(ConcatRequest.fromJson(json("{\"ids\":[\"a\",\"a\",\"a\"]}"), 3).ids()).hasSize(3);
        for (Runnable tooMany : List.<Runnable>of(() -> ConcatRequest.fromQuery(Map.of("ids", new String[] {"a,a,a,a"}), 3),
                () -> ConcatRequest.fromJson(json("{\"ids\":[\"a\",\"a\",\"a\",\"a\"]}"), 3))) {
            assertThatThrownBy(tooMany::run).isInstanceOfSatisfying(DaemonException.class, e -> {
                assertThat(e.http()).isEqualTo(400);
                assertThat(e.reason()).isEqualTo("TOO_MANY_IDS");
            });
        }
    }
}
