package io.walrusj.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options of the subcommands that talk to a gateway: {@code --gateway} and {@code --timeout}. */
public final class GatewayOptions {
    /** The local network's gateway ({@code bin/local-network up}). */
    public static final String DEFAULT_GATEWAY = "http://127.0.0.1:8080";
    /** The environment variable that overrides {@link #DEFAULT_GATEWAY}. */
    public static final String GATEWAY_ENV = "WALRUS_GATEWAY";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--gateway", paramLabel = "URL",
            defaultValue = "${env:" + GATEWAY_ENV + ":-" + DEFAULT_GATEWAY + "}",
            description = "Base URL of the walrusj gateway (or of a Walrus publisher/aggregator); "
                    + "default $" + GATEWAY_ENV + ", else " + DEFAULT_GATEWAY + " (now: ${DEFAULT-VALUE}).")
    String gateway;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for the gateway's answer to start (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /** The gateway base URL without a trailing slash; a malformed one is a usage error (exit 2). */
    URI baseUrl() {
        String text = gateway == null ? "" : gateway.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(text, "not an http(s) URL with a host (e.g. " + DEFAULT_GATEWAY + ")");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ParameterException(mixee.commandLine(),
                    "Invalid value for option '--gateway': " + (text.isEmpty() ? "empty" : e.getMessage()));
        }
    }

    Duration timeout() {
        if (timeoutSeconds < 1) {
            throw new ParameterException(mixee.commandLine(),
                    "Invalid value for option '--timeout': must be at least 1 second, got " + timeoutSeconds);
        }
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** A client of the gateway; a bad URL or timeout is a usage error (exit 2). */
    GatewayClient client() {
        return new GatewayClient(baseUrl(), timeout());
    }
}
