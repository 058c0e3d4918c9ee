package io.walrusj.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error report for errors no web application answered (the request was rejected by the
 * connector or the host: bad URI encoding, path traversal, invalid request line) as the service's
 * JSON body instead of Tomcat's HTML page. Same conditions as {@link ErrorReportValve}: only for an
 * error status with nothing written yet, once per response.
 */
public class JsonErrorReportValve extends ErrorReportValve {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorReportValve.class);

    private final ServiceErrorBody body;

    public JsonErrorReportValve(ServiceErrorBody body) {
        this.body = body;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is gone: nobody would read the body
        }
        try {
            String json = ErrorJson.render(body, status, response.getMessage());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not write the {} error body: {}", status, e.toString());
        }
    }
}
