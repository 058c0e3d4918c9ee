package io.walrusj.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the OpenAPI document: {@code /v3/api-docs} (JSON), {@code /v3/api-docs.yaml}, and Redoc HTML
 * at {@code /v1/api} as a Walrus daemon does. Router functions are matched before the proxy routes.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsRoutes {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private static final String REDOC_PAGE = """
            <!DOCTYPE html>
            <html>
              <head>
                <title>Walrus gateway API</title>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1">
              </head>
              <body>
                <redoc spec-url="/v3/api-docs.yaml"></redoc>
                <script src="https://cdn.redoc.ly/redoc/latest/bundles/redoc.standalone.js"></script>
              </body>
            </html>
            """;

    @Bean
    OpenApiDocument openApiDocument(JsonMapper jsonMapper) {
        return OpenApiDocument.load(jsonMapper);
    }

    @Bean
    RouterFunction<ServerResponse> apiDocs(OpenApiDocument document) {
        return RouterFunctions
                .route(GET("/v3/api-docs"),
                        request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(document.json()))
                .andRoute(GET("/v3/api-docs.yaml"),
                        request -> ServerResponse.ok().contentType(YAML).bodyValue(document.yaml()))
                .andRoute(GET("/v1/api"),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(REDOC_PAGE));
    }
}
