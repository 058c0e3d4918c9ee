package io.walrusj.e2e.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a raw {@link Socket}, for what {@link java.net.http.HttpClient} will not send: bodies
 * that trickle or stop short of their declared {@code Content-Length}, unnormalized paths
 * ({@code /%2e%2e/}), conflicting framing headers, oversize headers. Loopback only: the host of every
 * URL must be 127.0.0.1.
 */
public final class RawHttp {
    private RawHttp() {}

    /** A response as read off the socket; {@code status} -1 if the server closed without answering. */
    public record Response(int status, Map<String, String> headers, String body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    /** Connects to {@code base} (127.0.0.1 only) with a read timeout. */
    public static Socket connect(URI base, Duration readTimeout) throws IOException {
        return connect(base, readTimeout, null);
    }

    /**
     * Connects to {@code base} (127.0.0.1 only) from {@code source} (another loopback address such as
     * 127.0.0.2, so that services see a second client; null: the system's choice), with a read timeout.
     */
    public static Socket connect(URI base, Duration readTimeout, String source) throws IOException {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        if (source != null && !source.startsWith("127.")) {
            throw new IllegalArgumentException("loopback sources only: " + source);
        }
        Socket s = new Socket();
        if (source != null) {
            s.bind(new InetSocketAddress(source, 0));
        }
        s.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
        s.setSoTimeout((int) readTimeout.toMillis());
        s.setTcpNoDelay(true);
        return s;
    }

    /** The request line and headers (Host and Connection: close are added unless given), ending with the blank line. */
    public static byte[] head(URI base, String method, String target, Map<String, String> headers) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean host = false;
        boolean connection = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            host |= h.getKey().equalsIgnoreCase("host");
            connection |= h.getKey().equalsIgnoreCase("connection");
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (!host) {
            sb.append("Host: 127.0.0.1:").append(base.getPort()).append("\r\n");
        }
        if (!connection) {
            sb.append("Connection: close\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Opens a connection and sends the head of a request whose body the caller writes (or never does). */
    public static Socket open(URI base, String method, String target, Map<String, String> headers, Duration readTimeout)
            throws IOException {
        return open(base, method, target, headers, readTimeout, null);
    }

    /** {@link #open(URI, String, String, Map, Duration)} from the loopback address {@code source}. */
    public static Socket open(URI base, String method, String target, Map<String, String> headers, Duration readTimeout,
            String source) throws IOException {
        Socket s = connect(base, readTimeout, source);
        try {
            OutputStream out = s.getOutputStream();
            out.write(head(base, method, target, headers));
            out.flush();
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** One whole request (head and body) on a fresh connection; reads the answer. */
    public static Response exchange(URI base, String method, String target, Map<String, String> headers, byte[] body,
            Duration timeout) {
        try (Socket s = open(base, method, target, headers, timeout)) {
            if (body.length > 0) {
                s.getOutputStream().write(body);
                s.getOutputStream().flush();
            }
            return read(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One request whose body is written by another thread while this one reads the answer: a server
     * may answer (413, 503, ...) and close before it has taken the whole body; the answer is still read.
     */
    public static Response exchangeWhileSending(URI base, String method, String target, Map<String, String> headers,
            byte[] body, Duration timeout) {
        try (Socket s = open(base, method, target, headers, timeout)) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    for (int off = 0; off < body.length; off += 64 * 1024) {
                        out.write(body, off, Math.min(64 * 1024, body.length - off));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading: its answer tells why
                }
            });
            Response r = read(s);
            s.close();
            writer.join(timeout.toMillis());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes as they are (a hand-written request) and reads the answer. */
    public static Response exchangeRaw(URI base, byte[] request, Duration timeout) {
        try (Socket s = connect(base, timeout)) {
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            return read(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one response: status line, headers, then the body by Content-Length, chunked, or to the
     * end of the stream. Status -1 when the server closed (or reset) before a status line; a read
     * timeout is thrown as {@link SocketTimeoutException}.
     */
    public static Response read(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        String statusLine;
        try {
            statusLine = line(in);
        } catch (java.net.SocketException e) {
            return new Response(-1, Map.of(), "connection reset: " + e.getMessage());
        }
        if (statusLine == null || statusLine.isEmpty()) {
            return new Response(-1, Map.of(), "");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        String l;
        while ((l = line(in)) != null && !l.isEmpty()) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
                while (true) {
                    String size = line(in);
                    if (size == null) {
                        break;
                    }
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (n == 0) {
                        break;
                    }
                    body.write(in.readNBytes(n));
                    line(in);
                }
            } else if (status >= 200 && status != 204 && status != 304) {
                body.write(in.readAllBytes());
            }
        } catch (java.net.SocketException e) {
            // the server closed after the head (e.g. it gave up on a request body): keep what came
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) c);
            if (sb.length() > 1 << 20) {
                throw new IOException("header line over 1 MiB");
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
