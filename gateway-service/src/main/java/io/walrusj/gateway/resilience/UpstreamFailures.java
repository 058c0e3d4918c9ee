package io.walrusj.gateway.resilience;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.walrusj.gateway.error.GatewayError;
import io.walrusj.gateway.limits.RequestBodyTooLargeException;

/** Translates what went wrong on the way to an upstream into the error the client gets. */
final class UpstreamFailures {

    private UpstreamFailures() {
    }

    static GatewayError toError(String upstream, Throwable failure) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(failure);
        if (tooLarge != null) {
            return GatewayError.bodyTooLarge(tooLarge.limitBytes());
        }
        if (failure instanceof CallNotPermittedException) {
            return GatewayError.upstreamUnavailable(
                    "the " + upstream + " is failing (circuit breaker open); please try again later");
        }
        if (causedBy(failure, TimeoutException.class)) {
            return GatewayError.upstreamTimeout("the " + upstream + " did not answer in time");
        }
        if (causedBy(failure, ConnectException.class)) {
            return GatewayError.upstreamUnavailable("the " + upstream + " cannot be reached; please try again later");
        }
        return GatewayError.upstreamUnavailable("the request to the " + upstream + " failed; please try again later");
    }

    /** Failures that say nothing about the upstream's health and must not open its circuit. */
    static boolean isClientFault(Throwable failure) {
        return RequestBodyTooLargeException.findIn(failure) != null;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
