package io.walrusj.web;

import java.util.List;

/**
 * Request targets Tomcat rejects before any servlet runs (raw, as an attacker sends them): encoded
 * path traversal, path parameters hiding a {@code ..}, a NUL byte, an invalid escape, an overlong
 * request line. Each service's tests send them over a socket and expect 400 with a JSON body.
 */
public final class RejectedTargets {
    public static final List<String> ALL = List.of(
            "/v1/blobs/%2e%2e%2f%2e%2e%2fetc",
            "/%2e%2e/",
            "/..;/",
            "/v1/blobs/a%00b",
            "/v1/blobs/%zz",
            "/" + "a".repeat(70_000));

    private RejectedTargets() {}
}
