package io.walrusj.web;

import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** Renders a {@link ServiceErrorBody} as JSON text, with a message safe to show to the client. */
public final class ErrorJson {
    /** Longest message put in a body (Tomcat's messages may quote the rejected request line). */
    public static final int MAX_MESSAGE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorJson() {}

    /**
     * The JSON body of an error.
     *
     * @param detail the server's message, or null; shown for client errors only (4xx), never for 5xx
     */
    public static String render(ServiceErrorBody body, int status, String detail) {
        return JSON.writeValueAsString(body.body(status, message(status, detail)));
    }

    static String message(int status, String detail) {
        if (status >= 500 || detail == null || detail.isBlank()) {
            HttpStatus known = HttpStatus.resolve(status);
            return known == null ? "HTTP status " + status : known.getReasonPhrase();
        }
        return detail.length() <= MAX_MESSAGE ? detail : detail.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
