package io.walrusj.encoder.read;

import io.walrusj.encoder.api.LoadShedFilter;
import io.walrusj.encoder.api.LoadShedder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Load shedding of the read routes (client-http-api 1): {@code aggregator.max-concurrent-reads}
 * run (256), {@code aggregator.read-queue} more wait (320), the rest get 429 with Walrus's plain
 * text at once. Reads hold their slot while the body is written (handlers write synchronously).
 */
@Configuration(proxyBeanMethods = false)
public class ReadLoadShedding {
    @Bean
    FilterRegistrationBean<LoadShedFilter> readLoadShedFilter(AggregatorProperties props, ReadMetrics metrics) {
        var registration = new FilterRegistrationBean<>(
                filter(new LoadShedder(props.maxConcurrentReads(), props.readQueue()), metrics));
        registration.addUrlPatterns("/v1/blobs/*", "/v1alpha/blobs/*");
        registration.setName("aggregatorLoadShedding");
        return registration;
    }

    /** The read filter; writes (PUT, the publisher's) and CORS preflights are not counted here. */
    static LoadShedFilter filter(LoadShedder shedder, ReadMetrics metrics) {
        return new LoadShedFilter(shedder,
                request -> "PUT".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod()),
                "aggregator", metrics::shed);
    }
}
