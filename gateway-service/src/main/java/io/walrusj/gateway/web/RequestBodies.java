package io.walrusj.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Whether a request carries a body, judged from its framing headers (never by reading it). */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static boolean hasBody(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
