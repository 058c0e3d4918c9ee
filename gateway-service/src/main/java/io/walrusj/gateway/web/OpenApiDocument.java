package io.walrusj.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's public API description: a hand-written OpenAPI 3 YAML in the jar, also offered as
 * JSON. Parsed once at startup, so a broken document stops the gateway instead of reaching users.
 */
public final class OpenApiDocument {

    static final String LOCATION = "openapi/walrus-gateway.yaml";

    private final String yaml;
    private final byte[] json;

    private OpenApiDocument(String yaml, byte[] json) {
        this.yaml = yaml;
        this.json = json;
    }

    public static OpenApiDocument load(JsonMapper jsonMapper) {
        String yaml;
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(tree instanceof Map<?, ?> map) || !String.valueOf(map.get("openapi")).startsWith("3.")) {
            throw new IllegalStateException(LOCATION + " is not an OpenAPI 3 document");
        }
        return new OpenApiDocument(yaml, jsonMapper.writeValueAsBytes(tree));
    }

    public String yaml() {
        return yaml;
    }

    public byte[] json() {
        return json.clone();
    }
}
