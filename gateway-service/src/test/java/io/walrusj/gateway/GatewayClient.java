package io.walrusj.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain JDK HTTP/1.1 client for the gateway. Every request carries the X-Forwarded-For address
 * of the current test, so each test has its own rate-limit buckets.
 */
final class GatewayClient {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int port;
    private volatile String clientAddress = "192.0.2.1";

    GatewayClient(int port) {
        this.port = port;
    }

    void actAs(String address) {
        this.clientAddress = address;
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress);
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    HttpResponse<InputStream> stream(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
