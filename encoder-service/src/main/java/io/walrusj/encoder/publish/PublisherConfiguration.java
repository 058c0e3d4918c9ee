package io.walrusj.encoder.publish;

import io.walrusj.chain.factory.Chain;
import io.walrusj.encoder.api.ClientAddress;
import io.walrusj.encoder.api.LoadShedFilter;
import io.walrusj.encoder.api.LoadShedder;
import io.walrusj.encoder.committee.ChainView;
import io.walrusj.nodeclient.StorageNodeClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the publisher. Nothing here touches the chain: the service starts without one. */
@Configuration(proxyBeanMethods = false)
public class PublisherConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherConfiguration.class);

    @Bean
    PublisherWallet publisherWallet(PublisherProperties props, Chain chain) {
        var key = WalletKeyStore.loadOrCreate(props.effectiveDataDir(), props.walletKeyFile());
        LOG.info("publisher wallet {}", key.suiAddress());
        return new PublisherWallet(chain.writer(key), props.useFaucet(), props.faucetAmount());
    }

    /** Node tasks and status probes of all stores: virtual threads. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService publisherNodeExecutor() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("publisher-node-", 0).factory());
    }

    @Bean
    BlobPublisher blobPublisher(ChainView chain, StorageNodeClient client, PublisherWallet wallet,
            ExecutorService publisherNodeExecutor, PublisherProperties props, PublisherMetrics metrics) {
        NodeApi nodes = new StorageNodeApi(client, props.registrationWait());
        NodeCalls calls = new NodeCalls(props.uploadAttempts(), props.retryBackoff());
        return new BlobPublisher(chain, new BlobEncoding(props.effectiveEncodeParallelism()),
                new BlobStatusCheck(nodes, calls, publisherNodeExecutor, props.statusTimeout()),
                new BlobRegistrar(wallet),
                new SliverDistributor(nodes, calls, publisherNodeExecutor, props, metrics), metrics);
    }

    @Bean
    BodyReader publisherBodyReader(PublisherProperties props) {
        return new BodyReader(props.maxBodySize().toBytes(), props.spoolThreshold().toBytes(), props.effectiveSpoolDir(),
                new BodyPace(props.bodyGrace(), props.bodyMinRate().toBytes()));
    }

    /**
     * Request bodies wait at most {@code body-read-timeout} for their next bytes (Tomcat's upload
     * timeout instead of the 60 s connection timeout): a read blocked on a silent client ends, so the
     * body's pace is checked and its slot freed no later than that after its deadline.
     */
    @Bean
    TomcatConnectorCustomizer publisherBodyReadTimeout(PublisherProperties props) {
        return connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout(Math.toIntExact(props.bodyReadTimeout().toMillis()));
            }
        };
    }

    @Bean
    FilterRegistrationBean<LoadShedFilter> publisherLoadShedding(PublisherProperties props, PublisherMetrics metrics) {
        var registration = new FilterRegistrationBean<>(new LoadShedFilter(
                new LoadShedder(props.maxConcurrentRequests(), props.maxBufferedRequests(), props.maxRequestsPerClient()),
                request -> !"PUT".equals(request.getMethod()), "publisher", metrics::shed,
                new ClientAddress(props.trustedProxies())));
        registration.addUrlPatterns("/v1/blobs");
        registration.setName("publisherLoadShedding");
        return registration;
    }
}
