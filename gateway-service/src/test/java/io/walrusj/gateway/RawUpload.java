package io.walrusj.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An upload on a raw socket, so a test can do what HTTP clients never do on their own: declare a
 * {@code Content-Length}, send the body a byte at a time, stop, or drop the connection mid-body.
 */
final class RawUpload implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;

    private RawUpload(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Connects and sends the request head of {@code PUT pathAndQuery} declaring {@code contentLength}. */
    static RawUpload start(int port, String pathAndQuery, long contentLength, String... extraHeaders) {
        try {
            RawUpload upload = new RawUpload(new Socket("127.0.0.1", port));
            upload.socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("PUT " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + contentLength + "\r\n");
            for (String header : extraHeaders) {
                head.append(header).append("\r\n");
            }
            upload.out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            upload.out.flush();
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends part of the body; false if the gateway already closed the connection. */
    boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The status code of the answer, read up to the end of its head (the body is not read). */
    int awaitStatus() {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            String statusLine = line.toString(StandardCharsets.US_ASCII);
            if (!statusLine.startsWith("HTTP/1.1 ")) {
                return -1; // closed without an answer
            }
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
