package io.walrusj.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A JDK HttpServer on a free port that plays the gateway: records requests, answers as told. */
final class FakeGateway implements AutoCloseable {
    record Request(String method, String path, String rawQuery, String contentType, byte[] body) {
        String query() {
            return rawQuery == null ? "" : rawQuery;
        }
    }

    /** An answer; {@code announcedLength} > body length makes the server cut the body short. */
    record Response(int status, String contentType, byte[] body, long announcedLength) {
        static Response json(int status, String json) {
            return new Response(status, "application/json", json.getBytes(StandardCharsets.UTF_8), -1);
        }

        static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), -1);
        }

        static Response bytes(byte[] body) {
            return new Response(200, "application/octet-stream", body, -1);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> handler = r -> Response.text(500, "no handler");

    FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeGateway answer(Function<Request, Response> handler) {
        this.handler = handler;
        return this;
    }

    FakeGateway answer(Response response) {
        return answer(r -> response);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests);
        }
        return requests.getFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"), body);
        requests.add(request);
        Response response = handler.apply(request);
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        long length = response.announcedLength() >= 0 ? response.announcedLength()
                : response.body().length == 0 ? -1 : response.body().length;
        exchange.sendResponseHeaders(response.status(), length);
        OutputStream out = exchange.getResponseBody();
        out.write(response.body());
        out.flush();
        if (length > response.body().length) {
            // A body cut short on purpose: an exception out of the handler makes the server drop the
            // connection (closing the stream would leave the client waiting for the missing bytes).
            throw new IOException("body cut short after " + response.body().length + " of " + length + " bytes");
        }
        out.close();
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
