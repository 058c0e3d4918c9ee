package io.walrusj.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

import io.walrusj.gateway.error.ErrorResponder;
import io.walrusj.gateway.error.GatewayError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps the request body of one route without buffering it: a declared {@code Content-Length} over
 * the limit is answered 413 before the upstream is contacted; a chunked body is counted while it
 * streams to the upstream and cut with {@link RequestBodyTooLargeException} (answered 413 by
 * {@code UpstreamGuardFilter}) as soon as it passes the limit. A body that has not fully arrived by
 * its {@link BodyDeadline} (from the declared length, else the limit) is cut with
 * {@link RequestBodyTooSlowException} (answered 408).
 */
public class BodySizeLimitFilter implements GatewayFilter {

    private final long limitBytes;
    private final BodyDeadline deadline;
    private final ErrorResponder errors;

    public BodySizeLimitFilter(long limitBytes, BodyDeadline deadline, ErrorResponder errors) {
        this.limitBytes = limitBytes;
        this.deadline = deadline;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limitBytes) {
            return errors.respond(exchange, GatewayError.bodyTooLarge(limitBytes));
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                Flux<DataBuffer> limited = Flux.defer(() -> {
                    AtomicLong seen = new AtomicLong();
                    return super.getBody().handle((buffer, sink) -> {
                        if (seen.addAndGet(buffer.readableByteCount()) > limitBytes) {
                            DataBufferUtils.release(buffer);
                            sink.error(new RequestBodyTooLargeException(limitBytes));
                        } else {
                            sink.next(buffer);
                        }
                    });
                });
                return deadline.enforce(limited, declared >= 0 ? declared : limitBytes);
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    @Override
    public String toString() {
        return "BodySizeLimit[" + limitBytes + " bytes, " + deadline + "]";
    }
}
