package io.walrusj.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything under {@code gateway.*}. Defaults live in {@code application.yml} (one place, documented
 * in the README); the constructors only reject settings the gateway cannot work with.
 */
@ConfigurationProperties("gateway")
public record WalrusGatewayProperties(
        List<URI> encoderUrls,
        URI indexerUrl,
        DataSize maxBodySize,
        BodyDeadline bodyDeadline,
        Timeouts timeouts,
        CircuitBreaker circuitBreaker,
        BlobCache cache,
        RateLimit rateLimit,
        Auth auth,
        Cors cors) {

    public WalrusGatewayProperties {
        if (encoderUrls == null || encoderUrls.isEmpty()) {
            throw new IllegalArgumentException("gateway.encoder-urls needs at least one encoder URL");
        }
        encoderUrls = List.copyOf(encoderUrls);
        encoderUrls.forEach(url -> requireOrigin("gateway.encoder-urls", url));
        requireOrigin("gateway.indexer-url", indexerUrl);
        requirePositive("gateway.max-body-size", maxBodySize);
        Objects.requireNonNull(bodyDeadline, "gateway.body-deadline");
        Objects.requireNonNull(timeouts, "gateway.timeouts");
        Objects.requireNonNull(circuitBreaker, "gateway.circuit-breaker");
        Objects.requireNonNull(cache, "gateway.cache");
        Objects.requireNonNull(rateLimit, "gateway.rate-limit");
        Objects.requireNonNull(cors, "gateway.cors");
        auth = auth == null ? new Auth(false, List.of()) : auth;
    }

    /**
     * How long a client may take to send a request body: {@code grace} plus its size (declared, else
     * the route's limit) at {@code minimumRate} per second. Slower bodies are cut with 408.
     */
    public record BodyDeadline(Duration grace, DataSize minimumRate) {
        public BodyDeadline {
            requirePositive("gateway.body-deadline.grace", grace);
            requirePositive("gateway.body-deadline.minimum-rate", minimumRate);
        }
    }

    /**
     * Time until the upstream's response headers arrive, counted from when the request body has been
     * sent to it (a slow client's upload time is not the upstream's); bodies then stream without a deadline.
     */
    public record Timeouts(Duration read, Duration write, Duration indexer) {
        public Timeouts {
            requirePositive("gateway.timeouts.read", read);
            requirePositive("gateway.timeouts.write", write);
            requirePositive("gateway.timeouts.indexer", indexer);
        }
    }

    /** Resilience4j circuit breaker settings shared by the three upstream breakers. */
    public record CircuitBreaker(
            float failureRateThreshold,
            int slidingWindowSize,
            int minimumNumberOfCalls,
            Duration waitInOpenState,
            int permittedCallsInHalfOpenState) {
        public CircuitBreaker {
            if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
                throw new IllegalArgumentException("gateway.circuit-breaker.failure-rate-threshold must be in (0, 100]");
            }
            if (slidingWindowSize < 1 || minimumNumberOfCalls < 1 || permittedCallsInHalfOpenState < 1) {
                throw new IllegalArgumentException("gateway.circuit-breaker window sizes must be >= 1");
            }
            requirePositive("gateway.circuit-breaker.wait-in-open-state", waitInOpenState);
        }
    }

    /** In-memory cache of full {@code GET /v1/blobs/{blobId}} answers, bounded by total bytes. */
    public record BlobCache(boolean enabled, DataSize maxSize, DataSize maxEntrySize, Duration timeToLive) {
        public BlobCache {
            requirePositive("gateway.cache.max-size", maxSize);
            requirePositive("gateway.cache.max-entry-size", maxEntrySize);
            requirePositive("gateway.cache.time-to-live", timeToLive);
            if (maxEntrySize.toBytes() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("gateway.cache.max-entry-size must fit in a byte array");
            }
        }
    }

    /** Per-client token buckets: one policy for writes, one for reads and indexer queries. */
    public record RateLimit(
            boolean enabled, ClientKey clientKey, int trustedProxies, TokenBucketPolicy reads, TokenBucketPolicy writes) {
        public RateLimit {
            Objects.requireNonNull(clientKey, "gateway.rate-limit.client-key");
            Objects.requireNonNull(reads, "gateway.rate-limit.reads");
            Objects.requireNonNull(writes, "gateway.rate-limit.writes");
            if (trustedProxies < 1) {
                throw new IllegalArgumentException("gateway.rate-limit.trusted-proxies must be >= 1");
            }
        }
    }

    /** Where the client's identity for rate limiting comes from. */
    public enum ClientKey {
        /** The TCP peer address: right when clients connect directly. */
        REMOTE_ADDRESS,
        /** The X-Forwarded-For entry written by the nearest trusted proxy: right behind a load balancer. */
        X_FORWARDED_FOR
    }

    /** A bucket holding up to {@code burst} tokens, refilled at {@code replenishPerSecond}; a request takes one. */
    public record TokenBucketPolicy(double replenishPerSecond, int burst) {
        public TokenBucketPolicy {
            if (!(replenishPerSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("token bucket needs replenish-per-second > 0 and burst >= 1");
            }
        }
    }

    /**
     * API-key authentication of writes with per-client quotas. Off by default (anyone reaching the
     * gateway may write); when on, every write needs the key of one of {@code clients}.
     */
    public record Auth(boolean enabled, List<ApiClient> clients) {
        public Auth {
            clients = clients == null ? List.of() : List.copyOf(clients);
            if (enabled && clients.isEmpty()) {
                throw new IllegalArgumentException("gateway.auth.enabled needs at least one gateway.auth.clients entry");
            }
        }
    }

    /**
     * One API client: its key's SHA-256 (64 hex digits; the key itself is never configured), the total
     * bytes its successful stores may add up to, and the most epochs one store may ask for.
     */
    public record ApiClient(String name, String keySha256, DataSize maxBytes, Long maxEpochs) {
        public ApiClient {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("gateway.auth.clients[].name is required");
            }
            if (keySha256 == null || !keySha256.strip().matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("gateway.auth.clients[" + name + "].key-sha256 must be 64 hex digits");
            }
            requirePositive("gateway.auth.clients[" + name + "].max-bytes", maxBytes);
            if (maxEpochs == null || maxEpochs < 1) {
                throw new IllegalArgumentException("gateway.auth.clients[" + name + "].max-epochs must be >= 1");
            }
        }
    }

    public record Cors(Duration maxAge) {
        public Cors {
            Objects.requireNonNull(maxAge, "gateway.cors.max-age");
        }
    }

    private static void requireOrigin(String name, URI url) {
        Objects.requireNonNull(url, name);
        // The gateway replaces scheme, host and port of the request URL only: a base path would be ignored.
        boolean http = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
        boolean bare = url.getRawPath() == null || url.getRawPath().isEmpty() || "/".equals(url.getRawPath());
        if (!http || url.getHost() == null || !bare || url.getRawQuery() != null) {
            throw new IllegalArgumentException(name + " must be an http(s) origin without path: " + url);
        }
    }

    private static void requirePositive(String name, DataSize size) {
        if (size == null || size.toBytes() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
    }
}
