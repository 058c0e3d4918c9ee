package io.walrusj.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for an encoder replica or the indexer: records every request
 * (method, raw path and query, headers, body bytes) and answers with a replaceable handler.
 * Can be stopped and started again on the same port to play a dead upstream.
 */
final class UpstreamStub implements AutoCloseable {

    /** One request as the upstream saw it. Header names are lower-cased. */
    record Recorded(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(",", values);
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(Recorded request, HttpExchange exchange) throws IOException;
    }

    private final String name;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Handler handler;
    private volatile boolean readsBodies = true;
    private volatile HttpServer server;
    private int port;

    private UpstreamStub(String name) {
        this.name = name;
        this.handler = defaultHandler();
    }

    static UpstreamStub start(String name) {
        UpstreamStub stub = new UpstreamStub(name);
        stub.bind(0);
        return stub;
    }

    String name() {
        return name;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    long count(Predicate<Recorded> which) {
        return requests.stream().filter(which).count();
    }

    void handle(Handler newHandler) {
        this.handler = newHandler;
    }

    /** Lets the handler read the request body itself, as it streams in; the record's body stays empty. */
    void handleStreamingBody(Handler newHandler) {
        this.readsBodies = false;
        this.handler = newHandler;
    }

    void reset() {
        requests.clear();
        readsBodies = true;
        handler = defaultHandler();
    }

    /** Closes the listening socket and every connection: the upstream is down. */
    void stop() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    void restart() {
        bind(port);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void bind(int wanted) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 64);
            s.setExecutor(executor);
            s.createContext("/", exchange -> {
                try (exchange) {
                    Recorded request = record(exchange, readsBodies);
                    requests.add(request);
                    handler.handle(request, exchange);
                }
            });
            s.start();
            this.server = s;
            this.port = s.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind stub " + name + " to port " + wanted, e);
        }
    }

    private static Recorded record(HttpExchange exchange, boolean readBody) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), List.copyOf(values)));
        byte[] body = readBody ? exchange.getRequestBody().readAllBytes() : new byte[0];
        URI uri = exchange.getRequestURI();
        return new Recorded(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
    }

    private Handler defaultHandler() {
        return (request, exchange) -> {
            byte[] body = (name + " " + request.method() + " " + request.rawPath()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.getResponseHeaders().set("X-Upstream", name);
            respond(exchange, 200, body);
        };
    }

    /** Sends a complete answer with a Content-Length (none for HEAD). */
    static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
