package io.walrusj.devnet.grpc;

import org.apache.coyote.Request;
import org.apache.coyote.http2.Http2Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves gRPC on the devnet's one HTTP port: {@link GrpcServlet} under {@code /<service>/*} for
 * every Sui service (the JSON-RPC controller keeps {@code POST /}), and HTTP/2 on the cleartext
 * connector for clients with prior knowledge (what grpc-java's plaintext channel does).
 */
@Configuration(proxyBeanMethods = false)
public class GrpcConfiguration {

    @Bean
    ServletRegistrationBean<GrpcServlet> grpcServlet(GrpcEndpoint endpoint, GrpcProperties properties) {
        int max = (int) properties.maxInboundMessageSize().toBytes();
        String[] paths = endpoint.serviceNames().stream().map(name -> "/" + name + "/*").toArray(String[]::new);
        ServletRegistrationBean<GrpcServlet> bean = new ServletRegistrationBean<>(endpoint.servlet(max), paths);
        bean.setName("grpc");
        bean.setAsyncSupported(true);
        bean.setLoadOnStartup(1);
        return bean;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> http2PriorKnowledge() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.addUpgradeProtocol(new PriorKnowledgeHttp2()));
    }

    /**
     * Tomcat's HTTP/2 for connections that start with the HTTP/2 preface (h2c with prior knowledge),
     * but no {@code Upgrade: h2c} of HTTP/1.1 requests: Java's HttpClient asks for that upgrade by
     * default, and Tomcat would then buffer the request body (and refuse one over 4 KB) for JSON-RPC calls.
     */
    static final class PriorKnowledgeHttp2 extends Http2Protocol {
        PriorKnowledgeHttp2() {
            // No overhead protection: it counts each client PING, and grpc-java pings every 30 s on a
            // quiet connection, so Tomcat would close a subscription that sees no checkpoint for ~5 minutes.
            setOverheadCountFactor(0);
        }

        @Override
        public boolean accept(Request request) {
            return false;
        }
    }
}
