package io.walrusj.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.walrusj.gateway.error.GatewayError;
import io.walrusj.gateway.limits.RequestBodyTooLargeException;
import io.walrusj.gateway.limits.RequestBodyTooSlowException;

class UpstreamFailuresTest {

    @Test
    void eachFailureGetsItsStatusAndReason() {
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("x"));

        assertError(open, HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE");
        assertError(new ConnectException("refused"), HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE");
        assertError(new IllegalStateException("reset by peer"), HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE");
        assertError(new TimeoutException(), HttpStatus.GATEWAY_TIMEOUT, "UPSTREAM_TIMEOUT");
        assertError(new RuntimeException(new RequestBodyTooLargeException(10)), HttpStatus.CONTENT_TOO_LARGE,
                "BODY_TOO_LARGE");
        assertError(new RuntimeException(new RequestBodyTooSlowException("slow")), HttpStatus.REQUEST_TIMEOUT,
                "REQUEST_BODY_TIMEOUT");
        assertError(new ClientFault("ended after 3 of 10 bytes", null), HttpStatus.BAD_REQUEST, "INCOMPLETE_BODY");
    }

    @Test
    void onlyWhatTheClientDidIsTheClientsFault() {
        assertThat(UpstreamFailures.isClientFault(new RuntimeException(new RequestBodyTooLargeException(1)))).isTrue();
        assertThat(UpstreamFailures.isClientFault(new RequestBodyTooSlowException("slow"))).isTrue();
        assertThat(UpstreamFailures.isClientFault(ClientFault.of(new IllegalStateException("aborted")))).isTrue();
        assertThat(UpstreamFailures.isClientFault(new IllegalStateException("reset by the upstream"))).isFalse();
        assertThat(UpstreamFailures.isClientFault(new TimeoutException())).isFalse();
        assertThat(UpstreamFailures.isClientFault(new ConnectException())).isFalse();
    }

    private static void assertError(Throwable failure, HttpStatus status, String reason) {
        GatewayError error = UpstreamFailures.toError("encoder", failure);
        assertThat(error.httpStatus()).as(failure.toString()).isEqualTo(status);
        assertThat(error.reason()).as(failure.toString()).isEqualTo(reason);
    }
}
