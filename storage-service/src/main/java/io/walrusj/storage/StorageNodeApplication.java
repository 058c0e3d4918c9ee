package io.walrusj.storage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** One Walrus storage node: RocksDB store, chain follower and the storage-node HTTP API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StorageNodeApplication {

    public static void main(String[] args) {
        SpringApplication.run(StorageNodeApplication.class, args);
    }
}
