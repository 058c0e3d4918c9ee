package io.walrusj.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A client that went away (broken pipe, connection reset, {@code ClientAbortException},
 * {@code AsyncRequestNotUsableException}, EOF in the middle of a request body) is an expected
 * client fault, not a server error: one DEBUG line, no stack trace, nothing answered. Runs before
 * the services' {@code @ExceptionHandler}s, whose catch-alls would log it as an internal error.
 */
public final class ClientDisconnectResolver implements HandlerExceptionResolver, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(ClientDisconnectResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            return null;
        }
        LOG.debug("client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
        return new ModelAndView(); // handled: there is nobody left to answer
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after Boot's DefaultErrorAttributes, which only records
    }
}
