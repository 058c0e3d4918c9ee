package io.walrusj.indexer.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title of the OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI indexerOpenApi() {
        return new OpenAPI().info(new Info()
                .title("walrusj chain-indexer")
                .version("v1")
                .description("Walrus blob objects, blob statuses, epochs, committees and the event log, mirrored "
                        + "from the chain into PostgreSQL. Errors are {\"status\", \"error\", \"reason\"}.")
                .license(new License().name("Apache-2.0")));
    }
}
