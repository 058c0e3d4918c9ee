package io.walrusj.gateway.resilience;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.walrusj.gateway.error.GatewayError;
import io.walrusj.gateway.limits.RequestBodyTooLargeException;
import io.walrusj.gateway.limits.RequestBodyTooSlowException;

/** Translates what went wrong on the way to an upstream into the error the client gets. */
final class UpstreamFailures {

    private UpstreamFailures() {
    }

    static GatewayError toError(String upstream, Throwable failure) {
        RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(failure);
        if (tooLarge != null) {
            return GatewayError.bodyTooLarge(tooLarge.limitBytes());
        }
        RequestBodyTooSlowException tooSlow = find(failure, RequestBodyTooSlowException.class);
        if (tooSlow != null) {
            return GatewayError.bodyTooSlow(tooSlow.getMessage());
        }
        ClientFault clientFault = find(failure, ClientFault.class);
        if (clientFault != null) {
            return GatewayError.incompleteBody(clientFault.getMessage());
        }
        if (failure instanceof CallNotPermittedException) {
            return GatewayError.upstreamUnavailable(
                    "the " + upstream + " is failing (circuit breaker open); please try again later");
        }
        if (find(failure, TimeoutException.class) != null) {
            return GatewayError.upstreamTimeout("the " + upstream + " did not answer in time");
        }
        if (find(failure, ConnectException.class) != null) {
            return GatewayError.upstreamUnavailable("the " + upstream + " cannot be reached; please try again later");
        }
        return GatewayError.upstreamUnavailable("the request to the " + upstream + " failed; please try again later");
    }

    /** Failures that say nothing about the upstream's health and must not open its circuit. */
    static boolean isClientFault(Throwable failure) {
        return RequestBodyTooLargeException.findIn(failure) != null
                || find(failure, RequestBodyTooSlowException.class) != null
                || find(failure, ClientFault.class) != null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
