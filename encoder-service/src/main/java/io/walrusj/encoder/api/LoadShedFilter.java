package io.walrusj.encoder.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies a {@link LoadShedder} to the requests it covers: a request beyond the running and waiting
 * ones gets Walrus's plain-text 429 at once (client-http-api 1). The publisher and the aggregator
 * each have one, with their own limits and message. The permit is released when the request's
 * processing returns, whatever the outcome.
 */
public final class LoadShedFilter extends OncePerRequestFilter {
    private final LoadShedder shedder;
    private final Predicate<HttpServletRequest> exempt;
    private final String service;
    private final Runnable onShed;
    private final Function<HttpServletRequest, String> client;

    /**
     * @param exempt  requests this filter does not count
     * @param service {@code publisher} or {@code aggregator}, as named in the 429 text
     * @param onShed  called for every request answered 429 (metrics)
     */
    public LoadShedFilter(LoadShedder shedder, Predicate<HttpServletRequest> exempt, String service, Runnable onShed) {
        this(shedder, exempt, service, onShed, request -> "");
    }

    /** @param client the key of a request's client for the shedder's per-client cap ({@link ClientAddress}) */
    public LoadShedFilter(LoadShedder shedder, Predicate<HttpServletRequest> exempt, String service, Runnable onShed,
            Function<HttpServletRequest, String> client) {
        this.shedder = shedder;
        this.exempt = exempt;
        this.service = service;
        this.onShed = onShed;
        this.client = client;
    }

    /** Requests running or waiting for a slot. */
    public int inFlight() {
        return shedder.inFlight();
    }

    /** Requests of one client running or waiting. */
    public int inFlight(String clientKey) {
        return shedder.inFlight(clientKey);
    }

    /** The 429 body. */
    public String tooManyMessage() {
        return "the " + service + " is receiving too many requests; please try again later";
    }

    @Override
    public boolean shouldNotFilter(HttpServletRequest request) {
        return exempt.test(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LoadShedder.Permit> permit;
        try {
            permit = shedder.tryAdmit(client.apply(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for a " + service + " slot", e);
        }
        if (permit.isEmpty()) {
            onShed.run();
            response.setStatus(429);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(tooManyMessage().getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (LoadShedder.Permit p = permit.get()) {
            chain.doFilter(request, response);
        }
    }
}
