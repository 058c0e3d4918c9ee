package io.walrusj.gateway.limits;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.walrusj.gateway.WalrusGatewayProperties;

/** The two rate limiters (reads, writes), how clients are told apart, and how upstreams are told who the client is. */
@Configuration(proxyBeanMethods = false)
public class RateLimitSetup {

    public static final String READS = "readRateLimiter";
    public static final String WRITES = "writeRateLimiter";

    /** Primary because Spring Cloud Gateway's own RequestRateLimiter filter factory wants exactly one limiter. */
    @Bean(READS)
    @Primary
    TokenBucketRateLimiter readRateLimiter(WalrusGatewayProperties properties) {
        return new TokenBucketRateLimiter(properties.rateLimit().reads(), System::nanoTime);
    }

    @Bean(WRITES)
    TokenBucketRateLimiter writeRateLimiter(WalrusGatewayProperties properties) {
        return new TokenBucketRateLimiter(properties.rateLimit().writes(), System::nanoTime);
    }

    @Bean
    ClientAddressKeyResolver clientAddressKeyResolver(WalrusGatewayProperties properties) {
        return new ClientAddressKeyResolver(properties.rateLimit().clientKey(), properties.rateLimit().trustedProxies());
    }

    @Bean
    ForwardedClientFilter forwardedClientFilter(ClientAddressKeyResolver clients) {
        return new ForwardedClientFilter(clients);
    }

    /** Both limiters, for the route table. */
    public record Limiters(TokenBucketRateLimiter reads, TokenBucketRateLimiter writes) {
    }

    @Bean
    Limiters rateLimiters(@Qualifier(READS) TokenBucketRateLimiter reads,
            @Qualifier(WRITES) TokenBucketRateLimiter writes) {
        return new Limiters(reads, writes);
    }
}
