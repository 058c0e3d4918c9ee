package io.walrusj.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 requests to a walrusj gateway (or a Walrus publisher/aggregator) with java.net.http,
 * turning every failure into a {@link GatewayException} with a one-line message: for error answers
 * the message of the Walrus error JSON ({@code {"error": {"code", "status", "message", "details":
 * [{"reason"}]}}}), of the chain indexer's {@code {"status", "error", "reason"}}, or the plain text.
 */
final class GatewayClient implements AutoCloseable {
    /** Error bodies are read up to this many bytes. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    GatewayClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    URI base() {
        return base;
    }

    /**
     * {@code base + path + ?query}; {@code path} starts with '/' and is used as it is (callers pass
     * only URL-safe segments), query values are URL-encoded in the given order.
     */
    URI uri(String path, List<Map.Entry<String, String>> query) {
        StringBuilder sb = new StringBuilder(base.toString()).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query) {
            sb.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(sb.toString());
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }

    /**
     * Sends the request and returns the response of a 2xx answer with its body still to be read
     * (the caller closes it); any other answer becomes {@link GatewayException#answered}.
     */
    HttpResponse<InputStream> send(HttpRequest request) throws GatewayException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw GatewayException.failed("cannot connect to the gateway at " + base + ": connect timed out", e);
        } catch (ConnectException e) {
            throw GatewayException.failed("cannot connect to the gateway at " + base + ": "
                    + reason(e, "connection refused") + " (is it running? see --gateway / $"
                    + GatewayOptions.GATEWAY_ENV + ")", e);
        } catch (HttpTimeoutException e) {
            throw GatewayException.failed("no answer from the gateway at " + base + " within "
                    + timeout.toSeconds() + " s (--timeout)", e);
        } catch (IOException e) {
            throw GatewayException.failed(request.method() + " " + request.uri() + " failed: "
                    + reason(e, e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayException.failed("interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "";
        }
        throw GatewayException.answered(status, describeError(status, body));
    }

    /** Sends the request and returns the whole body of a 2xx answer as UTF-8 text. */
    String sendForText(HttpRequest request) throws GatewayException {
        HttpResponse<InputStream> response = send(request);
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw GatewayException.failed("reading the answer of " + request.uri() + " failed: "
                    + reason(e, e.getClass().getSimpleName()), e);
        }
    }

    /** One line describing an error answer: status, reason, and the server's message. */
    static String describeError(int status, String body) {
        String prefix = "the gateway answered " + status;
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{")) {
            try {
                Object json = Json.parse(text);
                Map<String, Object> error = Json.object(json, "error");
                if (!error.isEmpty()) {
                    // Walrus / AIP-193 Status
                    String reason = null;
                    if (error.get("details") instanceof List<?> details) {
                        for (Object detail : details) {
                            if (Json.text(detail, "reason") != null) {
                                reason = Json.text(detail, "reason");
                                break;
                            }
                        }
                    }
                    String label = reason != null ? reason : Json.text(error, "status");
                    String message = Json.text(error, "message");
                    return prefix + (label != null ? " " + label : "") + (message != null ? ": " + message : "");
                }
                // Spring / chain-indexer: {"status": 404, "error": "Not Found", "reason"|"message": "..."}
                String label = Json.text(json, "error");
                String message = Json.text(json, "reason") != null ? Json.text(json, "reason") : Json.text(json, "message");
                if (label != null || message != null) {
                    return prefix + (label != null ? " " + label : "") + (message != null ? ": " + message : "");
                }
            } catch (Json.JsonException e) {
                // not JSON after all: shown as text below
            }
        }
        if (text.isEmpty()) {
            return prefix + " " + phrase(status);
        }
        String oneLine = text.replaceAll("\\s+", " ");
        if (oneLine.length() > 500) {
            oneLine = oneLine.substring(0, 500) + "...";
        }
        return prefix + ": " + oneLine;
    }

    private static String phrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 416 -> "Range Not Satisfiable";
            case 429 -> "Too Many Requests";
            case 451 -> "Unavailable For Legal Reasons";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "(no body)";
        };
    }

    static String reason(Throwable e, String fallback) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return fallback;
    }

    @Override
    public void close() {
        http.close();
    }
}
