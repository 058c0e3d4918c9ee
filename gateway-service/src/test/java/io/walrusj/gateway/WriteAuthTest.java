package io.walrusj.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.walrusj.gateway.auth.ApiKeys;

/**
 * Writes with {@code gateway.auth.enabled} (issue 12, item 10): API keys configured by their SHA-256,
 * per-client quotas of 10,000 bytes and 3 epochs per store (each test has its own client).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.enabled=false",
        "gateway.auth.enabled=true",
})
class WriteAuthTest {

    private static final UpstreamStub ENCODER = UpstreamStub.start("encoder");
    private static final String[] CLIENTS = {"quota", "failures", "races", "headers", "epochs"};

    @DynamicPropertySource
    static void upstreamsAndClients(DynamicPropertyRegistry registry) {
        registry.add("gateway.encoder-urls[0]", () -> ENCODER.url().toString());
        for (int i = 0; i < CLIENTS.length; i++) {
            String name = CLIENTS[i];
            registry.add("gateway.auth.clients[" + i + "].name", () -> name);
            registry.add("gateway.auth.clients[" + i + "].key-sha256",
                    () -> HexFormat.of().formatHex(ApiKeys.sha256(key(name))));
            registry.add("gateway.auth.clients[" + i + "].max-bytes", () -> "10000B");
            registry.add("gateway.auth.clients[" + i + "].max-epochs", () -> "3");
        }
    }

    @AfterAll
    static void stopUpstream() {
        ENCODER.close();
    }

    @LocalServerPort
    int port;

    private GatewayClient gateway;

    @BeforeEach
    void freshUpstream() {
        ENCODER.reset();
        gateway = new GatewayClient(port);
    }

    @Test
    void writesWithoutAValidKeyAre401AndNeverReachTheEncoder() {
        HttpResponse<byte[]> none = store(null, 10, 1);
        HttpResponse<byte[]> wrong = store("not-a-key", 10, 1);
        HttpResponse<byte[]> digestAsKey = gateway.send(gateway.request("/v1/blobs")
                .header("Authorization", "Bearer " + HexFormat.of().formatHex(ApiKeys.sha256(key("quota"))))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10])));

        for (HttpResponse<byte[]> response : List.of(none, wrong, digestAsKey)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
            assertThat(JsonPath.<String>read(GatewayClient.text(response), "$.error.details[0].reason"))
                    .isEqualTo("INVALID_API_KEY");
        }
        assertThat(ENCODER.requests()).isEmpty();
        // Reads stay open.
        assertThat(gateway.get("/status").statusCode()).isEqualTo(200);
    }

    @Test
    void theKeyIsAcceptedInEitherHeaderAndNotForwarded() {
        HttpResponse<byte[]> byHeader = store(key("headers"), 10, 1);
        HttpResponse<byte[]> byBearer = gateway.send(gateway.request("/v1/blobs")
                .header("Authorization", "Bearer " + key("headers"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10])));

        assertThat(byHeader.statusCode()).isEqualTo(200);
        assertThat(byBearer.statusCode()).isEqualTo(200);
        assertThat(ENCODER.requests()).hasSize(2).allSatisfy(seen -> {
            assertThat(seen.header("X-API-Key")).isNull();
            assertThat(seen.header("Authorization")).isNull();
        });
    }

    @Test
    void storesBeyondTheByteQuotaAre403() {
        assertThat(store(key("quota"), 6_000, 1).statusCode()).isEqualTo(200);
        assertThat(store(key("quota"), 4_000, 1).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> over = store(key("quota"), 1, 1);

        assertThat(over.statusCode()).isEqualTo(403);
        String json = GatewayClient.text(over);
        assertThat(JsonPath.<String>read(json, "$.error.details[0].reason")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(JsonPath.<String>read(json, "$.error.message")).contains("10000 bytes");
        assertThat(ENCODER.requests()).hasSize(2);
    }

    @Test
    void moreEpochsThanAllowedAre403() {
        assertThat(store(key("epochs"), 10, 4).statusCode()).isEqualTo(403);
        assertThat(store(key("epochs"), 10, 3).statusCode()).isEqualTo(200);
    }

    @Test
    void failedStoresDoNotCount() {
        ENCODER.handle((request, exchange) -> UpstreamStub.respond(exchange, 500, "{}".getBytes()));
        assertThat(store(key("failures"), 8_000, 1).statusCode()).isEqualTo(500);
        ENCODER.stop();
        try {
            assertThat(store(key("failures"), 8_000, 1).statusCode()).isEqualTo(503);
        } finally {
            ENCODER.restart();
        }
        ENCODER.reset();

        assertThat(store(key("failures"), 8_000, 1).statusCode()).isEqualTo(200);
        assertThat(store(key("failures"), 8_000, 1).statusCode()).isEqualTo(403);
    }

    @Test
    void concurrentStoresCannotTogetherPassTheQuota() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ENCODER.handle((request, exchange) -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            UpstreamStub.respond(exchange, 200, "{}".getBytes());
        });
        List<CompletableFuture<HttpResponse<byte[]>>> stores = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stores.add(CompletableFuture.supplyAsync(() -> store(key("races"), 2_000, 1)));
        }
        // 5 fit and are held in flight by the encoder; the other 3 are refused at once.
        List<Integer> refused = new ArrayList<>();
        while (refused.size() < 3) {
            for (CompletableFuture<HttpResponse<byte[]>> store : stores) {
                if (store.isDone() && !refused.contains(stores.indexOf(store))) {
                    assertThat(store.get().statusCode()).isEqualTo(403);
                    refused.add(stores.indexOf(store));
                }
            }
            Thread.onSpinWait();
        }
        release.countDown();

        long ok = 0;
        for (CompletableFuture<HttpResponse<byte[]>> store : stores) {
            ok += store.get(20, TimeUnit.SECONDS).statusCode() == 200 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(5);
        assertThat(ENCODER.requests()).hasSize(5);
    }

    private HttpResponse<byte[]> store(String apiKey, int size, int epochs) {
        HttpRequest.Builder request = gateway.request("/v1/blobs?epochs=" + epochs);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return gateway.send(request.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[size])));
    }

    private static String key(String client) {
        return "key-of-" + client;
    }
}
