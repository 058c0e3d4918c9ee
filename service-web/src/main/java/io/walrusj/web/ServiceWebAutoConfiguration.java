package io.walrusj.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * What every Spring MVC service gets by depending on service-web: JSON error bodies from Tomcat
 * ({@link JsonErrorReportValve}) and from the error path ({@link JsonErrorController}), both in the
 * shape of the service's {@link ServiceErrorBody} bean, and quiet client disconnects
 * ({@link ClientDisconnectResolver}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceWebAutoConfiguration {

    @Bean
    JsonErrorController jsonErrorController(ServiceErrorBody body) {
        return new JsonErrorController(body);
    }

    @Bean
    ClientDisconnectResolver clientDisconnectResolver() {
        return new ClientDisconnectResolver();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReportValve(ServiceErrorBody body) {
        return new JsonErrorReportValveInstaller(body);
    }

    /**
     * Replaces the host's {@link ErrorReportValve} (Tomcat's default, or the one Spring Boot adds)
     * with a {@link JsonErrorReportValve}. Runs after Spring Boot's customizer, so its valve is
     * already there to be removed.
     */
    static final class JsonErrorReportValveInstaller
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        private final ServiceErrorBody body;

        JsonErrorReportValveInstaller(ServiceErrorBody body) {
            this.body = body;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new JsonErrorReportValve(body));
                    // the host adds a valve of this class at start unless it finds one: ours
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
