package io.walrusj.encoder.read;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;

/** Writes read results straight to the servlet response: no content negotiation, no copies. */
final class BlobResponses {
    private BlobResponses() {}

    static void write(HttpServletResponse response, int status, BlobBody body, ReadMetrics metrics) throws IOException {
        response.setStatus(status);
        response.setContentLengthLong(body.length());
        OutputStream out = response.getOutputStream();
        body.writeTo(out);
        out.flush();
        metrics.served(body.length());
    }
}
