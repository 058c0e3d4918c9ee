package io.walrusj.devnet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The devnet: a single-node development chain running the Walrus system contract. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevnetApplication {
    public static void main(String[] args) {
        SpringApplication.run(DevnetApplication.class, args);
    }
}
