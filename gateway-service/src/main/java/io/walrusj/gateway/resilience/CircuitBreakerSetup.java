package io.walrusj.gateway.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.walrusj.gateway.WalrusGatewayProperties;

/**
 * One Resilience4j circuit breaker per upstream route group, registered in Spring Cloud
 * CircuitBreaker's registry (so the usual metrics exist). The routes drive them directly through
 * {@link UpstreamGuardFilter}, which also applies the group's time limit from {@code gateway.timeouts}.
 */
@Configuration(proxyBeanMethods = false)
public class CircuitBreakerSetup {

    public static final String ENCODER_READS = "encoder-reads";
    public static final String ENCODER_WRITES = "encoder-writes";
    public static final String INDEXER = "indexer";

    /** The tag Spring Cloud CircuitBreaker puts on the breakers it creates (package-private there). */
    private static final String GROUP_TAG = "group";

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> walrusCircuitBreakers(WalrusGatewayProperties properties) {
        WalrusGatewayProperties.Timeouts timeouts = properties.timeouts();
        WalrusGatewayProperties.CircuitBreaker breaker = properties.circuitBreaker();
        return factory -> {
            configure(factory, ENCODER_READS, breaker, timeouts.read());
            configure(factory, ENCODER_WRITES, breaker, timeouts.write());
            configure(factory, INDEXER, breaker, timeouts.indexer());
        };
    }

    private static void configure(ReactiveResilience4JCircuitBreakerFactory factory, String id,
            WalrusGatewayProperties.CircuitBreaker breaker, Duration timeout) {
        CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRateThreshold())
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                // Resilience4j's default treats calls over 60 s as "slow" and opens the circuit when
                // all are: normal for large stores. Only the time limit decides slowness here
                // (UpstreamCall measures durations from the end of the request body).
                .slowCallDurationThreshold(timeout)
                .ignoreException(UpstreamFailures::isClientFault)
                .build();
        factory.configure(builder -> builder
                .circuitBreakerConfig(circuitBreaker)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(timeout).build()), id);
        // (The time limiter above only matters to code using factory.create(id); the routes do not.)
        // Created now rather than on the first call: its metrics exist from startup, and whoever asks
        // the registry for it by name (actuator, tests) gets this configuration, not the default.
        factory.getCircuitBreakerRegistry().circuitBreaker(id, circuitBreaker,
                Map.of(GROUP_TAG, id));
    }
}
