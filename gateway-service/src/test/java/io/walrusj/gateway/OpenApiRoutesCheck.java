package io.walrusj.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** Reads the gateway's OpenAPI document and turns its proxied operations into requests to try. */
final class OpenApiRoutesCheck {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** Sample values for path variables that are not blob IDs. */
    private static final Map<String, String> SAMPLES = Map.of(
            "blob_object_id", "0x" + "ab".repeat(32),
            "objectId", "0x" + "cd".repeat(32),
            "address", "0x" + "ef".repeat(32));

    record Operation(String method, String documentedPath, boolean hasBody) {
        String concretePath(Supplier<String> blobIds) {
            Matcher variables = PATH_VARIABLE.matcher(documentedPath);
            StringBuilder path = new StringBuilder();
            while (variables.find()) {
                String name = variables.group(1);
                String value = SAMPLES.containsKey(name) ? SAMPLES.get(name) : blobIds.get();
                variables.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            variables.appendTail(path);
            return path.toString();
        }

        @Override
        public String toString() {
            return method + " " + documentedPath;
        }
    }

    private OpenApiRoutesCheck() {
    }

    static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }

    /** Every documented operation except the gateway's own endpoints (tag {@code gateway}). */
    static List<Operation> upstreamOperations(OpenAPI api) {
        List<Operation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!operation.getTags().contains("gateway")) {
                operations.add(new Operation(method.name(), path, method == PathItem.HttpMethod.PUT
                        || method == PathItem.HttpMethod.POST));
            }
        }));
        return operations;
    }
}
