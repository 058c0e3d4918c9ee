package io.walrusj.web.testapp;

import io.walrusj.web.ServiceErrorBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A minimal service: a blob route, a large response, a body read, and a catch-all exception
 * handler for them that logs at ERROR, as the services' handlers do.
 */
@SpringBootApplication
public class TestApplication {
    /** Larger than any socket buffer, so a client that stops reading breaks the write. */
    public static final int BIG = 64 << 20;

    @Bean
    ServiceErrorBody errorBody() {
        return (status, message) -> Map.of("testError", Map.of("code", status, "message", message));
    }

    @RestController
    static class Routes {
        @GetMapping("/v1/blobs/{id}")
        String blob(@PathVariable String id) {
            return id;
        }

        @GetMapping("/big")
        ResponseEntity<byte[]> big() {
            return ResponseEntity.ok(new byte[BIG]);
        }

        @PutMapping("/body")
        String body(HttpServletRequest request) throws IOException {
            return Integer.toString(request.getInputStream().readAllBytes().length);
        }
    }

    @RestControllerAdvice(assignableTypes = Routes.class)
    static class CatchAll {
        private static final Logger LOG = LoggerFactory.getLogger(CatchAll.class);

        @ExceptionHandler(Exception.class)
        ResponseEntity<String> internal(Exception e) {
            LOG.error("internal error", e);
            return ResponseEntity.internalServerError().body("internal error");
        }
    }
}
