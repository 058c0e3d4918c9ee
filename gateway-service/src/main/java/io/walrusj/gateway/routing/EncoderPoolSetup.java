package io.walrusj.gateway.routing;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.walrusj.gateway.WalrusGatewayProperties;

@Configuration(proxyBeanMethods = false)
public class EncoderPoolSetup {

    /** How long a replica that refused a connection stays out of the rotation. */
    private static final Duration BENCH_TIME = Duration.ofSeconds(5);

    @Bean
    EncoderPool encoderPool(WalrusGatewayProperties properties) {
        return new EncoderPool(properties.encoderUrls(), BENCH_TIME, System::nanoTime);
    }

    @Bean
    EncoderPoolFilter encoderPoolFilter(EncoderPool pool) {
        return new EncoderPoolFilter(pool);
    }
}
