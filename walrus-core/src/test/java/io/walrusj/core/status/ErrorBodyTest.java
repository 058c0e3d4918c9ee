package io.walrusj.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    @Test
    @SuppressWarnings("unchecked")
    void rendersTheWalrusStatusShapeInWalrusFieldOrder() {
        Map<String, Object> json = ErrorBody.of(ErrorStatus.NOT_FOUND, "SLIVER_NOT_FOUND", "storage.walrus.space",
                "the requested sliver is unavailable", Map.of("k", "v")).toJson();

        Map<String, Object> error = (Map<String, Object>) json.get("error");
        assertThat(error.keySet()).containsExactly("code", "status", "message", "details");
        assertThat(error).containsEntry("code", 404).containsEntry("status", "NOT_FOUND")
                .containsEntry("message", "the requested sliver is unavailable");
        List<Map<String, Object>> details = (List<Map<String, Object>>) error.get("details");
        assertThat(details).hasSize(1);
        assertThat(details.getFirst().keySet()).containsExactly("@type", "reason", "domain", "metadata");
        assertThat(details.getFirst()).containsEntry("@type", "ErrorInfo").containsEntry("reason", "SLIVER_NOT_FOUND")
                .containsEntry("domain", "storage.walrus.space").containsEntry("metadata", Map.of("k", "v"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void internalErrorsCarryAFreshTraceIdInADebugInfoEntry() {
        ErrorBody a = ErrorBody.internal();
        ErrorBody b = ErrorBody.internal();
        assertThat(a.traceDetail()).isNotEqualTo(b.traceDetail());
        assertThat(a.traceDetail().orElseThrow()).matches("TraceID: [0-9a-f]{32}");

        Map<String, Object> error = (Map<String, Object>) a.toJson().get("error");
        assertThat(error).containsEntry("code", 500).containsEntry("status", "INTERNAL")
                .containsEntry("message", ErrorBody.INTERNAL_MESSAGE);
        List<Map<String, Object>> details = (List<Map<String, Object>>) error.get("details");
        assertThat(details).extracting(d -> d.get("@type")).containsExactly("ErrorInfo", "DebugInfo");
        assertThat(details.getFirst()).containsEntry("reason", "INTERNAL_ERROR").containsEntry("domain", ErrorBody.GLOBAL);
        assertThat(details.get(1)).containsEntry("detail", a.traceDetail().orElseThrow())
                .containsEntry("stackEntries", List.of());
    }

    @Test
    void requestsTheServerRejectedNameTheStatusOfTheirHttpCode() {
        assertThat(ErrorBody.rejected(400, "d", "bad").status()).isEqualTo("INVALID_ARGUMENT");
        assertThat(ErrorBody.rejected(404, "d", "none").status()).isEqualTo("NOT_FOUND");
        assertThat(ErrorBody.rejected(414, "d", "long").status()).isEqualTo("INVALID_ARGUMENT");
        assertThat(ErrorBody.rejected(414, "d", "long").code()).isEqualTo(414);
        assertThat(ErrorBody.rejected(503, "d", "busy").status()).isEqualTo("UNAVAILABLE");
        assertThat(ErrorBody.rejected(502, "d", "x").status()).isEqualTo("INTERNAL");
        assertThat(ErrorBody.rejected(400, "d", "bad").reason()).isEqualTo("REQUEST_REJECTED");
        assertThat(ErrorBody.rejected(500, "d", "x").reason()).isEqualTo("INTERNAL_ERROR");
    }
}
