package io.walrusj.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A client that went away (broken pipe, connection reset or EOF on the client's own connection) is
 * an expected client fault, not a server error: one DEBUG line, no stack trace, nothing answered.
 * Runs before the services' {@code @ExceptionHandler}s, whose catch-alls would log it as an internal
 * error.
 *
 * <p>Only the container's own signals count: Tomcat wraps every I/O failure on the request body or
 * the response in {@link ClientAbortException}, and Spring MVC in {@link AsyncRequestNotUsableException}.
 * A bare "connection reset" or {@code EOFException} is not enough: inside a handler it may come from
 * a call to a storage node or the chain, which is an upstream failure the service must answer.
 */
public final class ClientDisconnectResolver implements HandlerExceptionResolver, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(ClientDisconnectResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!fromTheClientsConnection(ex)) {
            return null;
        }
        LOG.debug("client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
        return new ModelAndView(); // handled: there is nobody left to answer
    }

    static boolean fromTheClientsConnection(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClientAbortException || t instanceof AsyncRequestNotUsableException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after Boot's DefaultErrorAttributes, which only records
    }
}
