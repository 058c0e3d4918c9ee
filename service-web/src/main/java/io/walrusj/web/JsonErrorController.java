package io.walrusj.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers errors forwarded to the error path (a {@code sendError} or an exception no handler
 * resolved) with the service's JSON body, in place of Spring Boot's error controller.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class JsonErrorController implements ErrorController {
    private final ServiceErrorBody body;

    public JsonErrorController(ServiceErrorBody body) {
        this.body = body;
    }

    @RequestMapping
    public ResponseEntity<String> error(HttpServletRequest request) {
        // called directly (no error forwarded): there is no such resource
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : 404;
        String detail = request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m ? m : null;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorJson.render(body, status, detail));
    }
}
