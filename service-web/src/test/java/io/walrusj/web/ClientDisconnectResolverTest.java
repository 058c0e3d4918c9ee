package io.walrusj.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

class ClientDisconnectResolverTest {
    private final ClientDisconnectResolver resolver = new ClientDisconnectResolver();

    @Test
    void theContainersSignalsOfAClientThatLeftAreHandledQuietly() {
        assertThat(resolve(new ClientAbortException(new IOException("Broken pipe")))).isTrue();
        assertThat(resolve(new RuntimeException(new ClientAbortException(new EOFException())))).isTrue();
        assertThat(resolve(new AsyncRequestNotUsableException("Response not usable after response errors."))).isTrue();
    }

    @Test
    void anUpstreamResetOrEofInsideAHandlerIsLeftToTheServicesErrorHandler() {
        // A storage node or the chain hanging up on the service is not the client leaving: the
        // client is still there and must get an error answer, not an empty one.
        assertThat(resolve(new UncheckedIOException(new IOException("Connection reset by peer")))).isFalse();
        assertThat(resolve(new IllegalStateException("node answered nothing", new EOFException()))).isFalse();
        assertThat(resolve(new IOException("Broken pipe"))).isFalse();
    }

    private boolean resolve(Exception ex) {
        return resolver.resolveException(new MockHttpServletRequest("GET", "/v1/blobs/x"),
                new MockHttpServletResponse(), null, ex) != null;
    }
}
