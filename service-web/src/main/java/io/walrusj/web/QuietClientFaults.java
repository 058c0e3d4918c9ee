package io.walrusj.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Default logging for requests Tomcat cannot parse (an invalid request line, an oversized header):
 * Tomcat logs the first of them at INFO with a stack trace. They are client faults, answered 400
 * with the service's JSON body; this keeps them out of the log unless a service sets
 * {@code logging.level.org.apache.coyote.http11.Http11Processor} itself (lowest precedence).
 */
public class QuietClientFaults implements EnvironmentPostProcessor {
    static final String HTTP11_PROCESSOR_LEVEL = "logging.level.org.apache.coyote.http11.Http11Processor";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(Map.of(HTTP11_PROCESSOR_LEVEL, "WARN"),
                environment.getPropertySources());
    }
}
