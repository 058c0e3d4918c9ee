package io.walrusj.encoder.read;

import io.walrusj.encoder.api.LoadShedder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Load shedding of the read routes (client-http-api 1): {@code aggregator.max-concurrent-reads}
 * run (256), {@code aggregator.read-queue} more wait (320), the rest get 429 with Walrus's plain
 * text at once. Reads hold their slot while the body is written (handlers write synchronously).
 */
@Configuration(proxyBeanMethods = false)
public class ReadLoadShedding {
    static final String TOO_MANY = "the aggregator is receiving too many requests; please try again later";

    @Bean
    FilterRegistrationBean<ReadShedFilter> readLoadShedFilter(AggregatorProperties props, ReadMetrics metrics) {
        var registration = new FilterRegistrationBean<>(
                new ReadShedFilter(new LoadShedder(props.maxConcurrentReads(), props.readQueue()), metrics));
        registration.addUrlPatterns("/v1/blobs/*", "/v1alpha/blobs/*");
        registration.setName("aggregatorLoadShedding");
        return registration;
    }

    /** The filter; writes (PUT, the publisher's) are not counted here. */
    static final class ReadShedFilter extends OncePerRequestFilter {
        private final LoadShedder shedder;
        private final ReadMetrics metrics;

        ReadShedFilter(LoadShedder shedder, ReadMetrics metrics) {
            this.shedder = shedder;
            this.metrics = metrics;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return "PUT".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<LoadShedder.Permit> permit;
            try {
                permit = shedder.tryAdmit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException("interrupted while waiting for an aggregator slot", e);
            }
            if (permit.isEmpty()) {
                metrics.shed();
                response.setStatus(429);
                response.setContentType("text/plain;charset=UTF-8");
                response.getOutputStream().write(TOO_MANY.getBytes(StandardCharsets.UTF_8));
                return;
            }
            try (LoadShedder.Permit p = permit.get()) {
                chain.doFilter(request, response);
            }
        }
    }
}
