package io.walrusj.encoder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Walrus publisher (write API) and aggregator (read API) in one stateless service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EncoderApplication {

    public static void main(String[] args) {
        SpringApplication.run(EncoderApplication.class, args);
    }
}
