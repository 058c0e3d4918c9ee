package io.walrusj.chain.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.walrusj.chain.rpc.Json;
import io.walrusj.core.crypto.Base58;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process JSON-RPC endpoint on 127.0.0.1 ({@code com.sun.net.httpserver}) that answers with
 * recorded Sui-shaped JSON from {@code src/test/resources/sui/}. The {@code id} of a JSON reply is
 * rewritten to the request's id; every request body is recorded.
 */
public final class FakeSuiServer implements AutoCloseable {

    /** A canned HTTP answer. */
    public record Reply(int status, String body) {
        public static Reply ok(String json) {
            return new Reply(200, json);
        }

        public static Reply status(int status) {
            return new Reply(status, "{\"message\":\"upstream unavailable\"}");
        }
    }

    private final HttpServer server;
    private final List<JsonNode> requests = new ArrayList<>();
    private volatile Function<JsonNode, Reply> responder = r -> Reply.status(503);
    private final AtomicInteger served = new AtomicInteger();

    private FakeSuiServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on an ephemeral port. */
    public static FakeSuiServer start() {
        return new FakeSuiServer(0);
    }

    /** Starts on {@code port}. */
    public static FakeSuiServer start(int port) {
        return new FakeSuiServer(port);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Sets how requests are answered. */
    public void respond(Function<JsonNode, Reply> responder) {
        this.responder = responder;
    }

    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    public int served() {
        return served.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode req;
            try (InputStream in = ex.getRequestBody()) {
                req = Json.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            synchronized (this) {
                requests.add(req);
            }
            Reply reply = responder.apply(req);
            String body = reply.body();
            if (reply.status() == 200 && body.startsWith("{")) {
                JsonNode json = Json.MAPPER.readTree(body);
                if (json instanceof ObjectNode o && o.has("id") && req.has("id")) {
                    o.set("id", req.get("id"));
                    body = o.toString();
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
            served.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ------------------------------------------------------------------ recorded JSON

    private static final Pattern VAR = Pattern.compile("\\{\\{([^}]+)}}");

    /**
     * Loads {@code /sui/<name>} and replaces {@code {{bcs:<Event>}}} (Base64) and
     * {@code {{bcs58:<Event>}}} (Base58) with the hand-written BCS of {@link Fixtures#eventBcs()},
     * and {@code {{key}}} with {@code vars.get(key)}.
     */
    public static String recorded(String name, Map<String, String> vars) {
        String text;
        try (InputStream in = FakeSuiServer.class.getResourceAsStream("/sui/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /sui/" + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> all = new HashMap<>();
        Fixtures.eventBcs().forEach((k, v) -> {
            all.put("bcs:" + k, Base64.getEncoder().encodeToString(v));
            all.put("bcs58:" + k, Base58.encode(v));
        });
        all.putAll(vars);
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = all.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("no value for {{" + m.group(1) + "}} in " + name);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public static String recorded(String name) {
        return recorded(name, Map.of());
    }
}
