package io.walrusj.gateway.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import io.walrusj.gateway.WalrusGatewayProperties;

/**
 * CORS as a Walrus daemon does it (any origin, method and header; preflight cached 24 h), applied
 * as a web filter so it covers the proxied routes and the gateway's own endpoints alike; preflights
 * are answered here and never reach an upstream. Response headers are exposed to scripts too, so
 * browser clients can read ETag, Content-Range and x-walrus-streaming.
 */
@Configuration(proxyBeanMethods = false)
public class CorsSetup {

    @Bean
    CorsWebFilter corsWebFilter(WalrusGatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(CorsConfiguration.ALL));
        cors.setAllowedMethods(List.of(CorsConfiguration.ALL));
        cors.setAllowedHeaders(List.of(CorsConfiguration.ALL));
        cors.setExposedHeaders(List.of(CorsConfiguration.ALL));
        cors.setMaxAge(properties.cors().maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }
}
