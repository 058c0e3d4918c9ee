package io.walrusj.gateway.cache;

import org.springframework.http.HttpHeaders;

/** A full blob answer kept in memory: its bytes and the upstream headers worth replaying. */
public record CachedBlob(byte[] content, HttpHeaders headers) {

    /** Approximate heap cost, used to bound the cache by bytes. */
    int weight() {
        return content.length + 512;
    }
}
