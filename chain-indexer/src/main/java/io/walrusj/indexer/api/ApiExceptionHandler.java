package io.walrusj.indexer.api;

import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.web.ServiceErrorBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps failures to {@link ApiError} bodies: bad input is 400, unknown things 404, never 500. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BlobId.InvalidBlobIdException.class)
    ResponseEntity<ApiError> invalidBlobId(BlobId.InvalidBlobIdException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid blob ID: " + e.getMessage());
    }

    @ExceptionHandler(CryptoException.class)
    ResponseEntity<ApiError> invalidAddress(CryptoException e) {
        return error(HttpStatus.BAD_REQUEST, "invalid ID or address: " + e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ApiError> badRequest(BadRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "parameter '" + e.getParameterName() + "' is required");
    }

    /**
     * Spring MVC's own errors (unknown path, wrong method, unsupported media type ...) keep their
     * status; anything else is a 500.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> other(Exception e) {
        if (e instanceof ErrorResponse r) {
            String detail = r.getBody().getDetail();
            return error(r.getStatusCode(), detail == null ? e.getMessage() : detail);
        }
        log.error("request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getClass().getSimpleName());
    }

    static ResponseEntity<ApiError> error(HttpStatusCode status, String reason) {
        return ResponseEntity.status(status).body(ApiError.of(status.value(), reason));
    }

    /** The same body for errors no handler answers: requests Tomcat rejects, the error path. */
    @Bean
    static ServiceErrorBody serviceErrorBody() {
        return ApiError::of;
    }
}
