package io.walrusj.gateway.cache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.gateway.WalrusGatewayProperties;

@Configuration(proxyBeanMethods = false)
public class BlobCacheSetup {

    @Bean
    BlobCache blobCache(WalrusGatewayProperties properties, MeterRegistry meters) {
        return new BlobCache(properties.cache(), meters);
    }
}
