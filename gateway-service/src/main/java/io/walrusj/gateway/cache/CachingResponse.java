package io.walrusj.gateway.cache;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams an upstream answer to the client unchanged and, if it is a 200 small enough to cache,
 * hands a copy of it to {@code onCached} once the last byte went by. Errors, partial answers and
 * answers over the entry limit are never cached.
 */
final class CachingResponse extends ServerHttpResponseDecorator {

    /**
     * Headers not replayed from the cache: per-request ones the gateway or the server sets again
     * (length, CORS, Vary, Date, hop-by-hop) and {@code Content-Type}, which the aggregator derives
     * from the request.
     */
    private static final Set<String> PER_REQUEST_HEADERS = Set.of(
            "content-length", "content-type", "transfer-encoding", "connection", "keep-alive", "date",
            "vary", "set-cookie");

    private final long maxEntryBytes;
    private final Consumer<CachedBlob> onCached;

    CachingResponse(ServerHttpResponse delegate, long maxEntryBytes, Consumer<CachedBlob> onCached) {
        super(delegate);
        this.maxEntryBytes = maxEntryBytes;
        this.onCached = onCached;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        long declaredLength = getHeaders().getContentLength();
        HttpStatusCode status = getStatusCode();
        if (status == null || !status.isSameCodeAs(HttpStatus.OK) || declaredLength > maxEntryBytes) {
            return super.writeWith(body);
        }
        HttpHeaders replayable = replayableHeaders(getHeaders());
        BodyCopy copy = new BodyCopy(maxEntryBytes, declaredLength);
        Flux<DataBuffer> copied = Flux.<DataBuffer>from(body)
                .doOnNext(copy::append)
                .doOnComplete(() -> copy.complete().ifPresent(bytes -> onCached.accept(new CachedBlob(bytes, replayable))))
                .doOnCancel(copy::abandon)
                .doOnError(error -> copy.abandon());
        return super.writeWith(copied);
    }

    private static HttpHeaders replayableHeaders(HttpHeaders upstream) {
        HttpHeaders kept = new HttpHeaders();
        upstream.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!PER_REQUEST_HEADERS.contains(lower) && !lower.startsWith("access-control-")) {
                kept.addAll(name, values);
            }
        });
        return HttpHeaders.readOnlyHttpHeaders(kept);
    }
}
