package io.walrusj.chain.grpc;

import java.net.URI;
import java.net.URISyntaxException;

/** Host, port and TLS of a gRPC base URL: {@code http://host[:port]} (plaintext, port 80) or {@code https://host[:port]} (TLS, 443). */
record GrpcTarget(String host, int port, boolean tls) {

    static GrpcTarget parse(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not a URL: " + baseUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean tls = switch (scheme) {
            case "https" -> true;
            case "http" -> false;
            default -> throw new IllegalArgumentException("gRPC base URL must be http:// or https://, got " + baseUrl);
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("gRPC base URL without a host: " + baseUrl);
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            // gRPC calls go to /<service>/<method> on the authority: a path prefix cannot be honoured.
            throw new IllegalArgumentException("gRPC base URL must have no path, query or user info: " + baseUrl);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new GrpcTarget(host, uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80, tls);
    }
}
