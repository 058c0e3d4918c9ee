package io.walrusj.encoder.publish;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.lang.reflect.Field;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.RequestFacade;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After an answer given before the body was read (408 for a slow body), Tomcat would read and
 * discard the rest of the body (up to {@code max-swallow-size}) before closing or reusing the
 * connection: a slow sender would keep its connection, and a request thread, at its own pace.
 * {@link #closeAfterResponse}, called before the answer is written, tells Tomcat not to (the same
 * action it takes for an aborted upload): the connection closes once the answer is sent. The servlet API has no such call; the Tomcat
 * request behind the facade is reached by reflection, and anything else is left as it is.
 */
final class UnreadBodies {
    private static final Logger LOG = LoggerFactory.getLogger(UnreadBodies.class);
    private static final Field FACADE_REQUEST = facadeRequestField();

    private UnreadBodies() {}

    static void closeAfterResponse(ServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        if (FACADE_REQUEST == null || !(inner instanceof RequestFacade facade)) {
            return;
        }
        try {
            org.apache.coyote.Request coyote = ((Request) FACADE_REQUEST.get(facade)).getCoyoteRequest();
            coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            // that marks the exchange as failed, which would append Tomcat's error page to the answer
            // the publisher is about to write: it is the report
            coyote.getResponse().setErrorReported();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot stop Tomcat from reading the rest of a body: {}", e.toString());
        }
    }

    private static Field facadeRequestField() {
        try {
            Field f = RequestFacade.class.getDeclaredField("request");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("Tomcat's request facade changed; slow bodies answered 408 are drained before their connection closes: {}",
                    e.toString());
            return null;
        }
    }
}
