package io.walrusj.e2e.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * An HTTP proxy in front of one storage node that, while {@link #lie(boolean) lying}, flips a byte
 * in every sliver it serves ({@code GET /v1/blobs/{id}/slivers/{pair}/{type}} answered 200). The node
 * registers the proxy's address on chain, so every client (aggregator, healing peers) reaches the
 * node only through it: a Byzantine node, seen from outside, without fault-injection code in the node.
 */
public final class LyingProxy implements AutoCloseable {
    private static final Pattern SLIVER_GET = Pattern.compile("/v1/blobs/[^/]+/slivers/\\d+/(primary|secondary)");
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "expect", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean lying = new AtomicBoolean();
    private final AtomicLong corrupted = new AtomicLong();
    private volatile URI target;

    public LyingProxy(int port, URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    public void lie(boolean on) {
        lying.set(on);
    }

    /** Slivers served corrupted so far. */
    public long corruptedSlivers() {
        return corrupted.get();
    }

    private void forward(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder req = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().toString()))
                    .timeout(Duration.ofMinutes(2))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((k, vs) -> {
                if (!HOP_HEADERS.contains(k.toLowerCase())) {
                    vs.forEach(v -> req.header(k, v));
                }
            });
            HttpResponse<byte[]> r;
            try {
                r = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                ex.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
                return;
            }
            byte[] out = r.body();
            if (lying.get() && r.statusCode() == 200 && "GET".equals(ex.getRequestMethod())
                    && SLIVER_GET.matcher(ex.getRequestURI().getPath()).matches() && out.length > 0) {
                out = out.clone();
                out[out.length - 1] ^= 0x5a; // inside the sliver's symbol data: BCS still decodes, verification fails
                corrupted.incrementAndGet();
            }
            r.headers().map().forEach((k, vs) -> {
                if (!HOP_HEADERS.contains(k.toLowerCase()) && !k.startsWith(":")) {
                    ex.getResponseHeaders().put(k, vs);
                }
            });
            ex.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
