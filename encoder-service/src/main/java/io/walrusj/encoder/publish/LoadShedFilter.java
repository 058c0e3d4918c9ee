package io.walrusj.encoder.publish;

import io.walrusj.encoder.api.LoadShedder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/** Applies the {@link LoadShedder} to {@code PUT /v1/blobs}: 429 plain text when it is full (spec 1). */
public final class LoadShedFilter extends OncePerRequestFilter {
    static final String TOO_MANY = "the publisher is receiving too many requests; please try again later";

    private final LoadShedder shedder;
    private final PublisherMetrics metrics;

    public LoadShedFilter(LoadShedder shedder, PublisherMetrics metrics) {
        this.shedder = shedder;
        this.metrics = metrics;
    }

    /** Stores running or waiting for a slot. */
    public int inFlight() {
        return shedder.inFlight();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"PUT".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LoadShedder.Permit> permit;
        try {
            permit = shedder.tryAdmit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for a publisher slot", e);
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
