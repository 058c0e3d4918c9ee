package io.walrusj.encoder.publish;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Publisher settings ({@code publisher.*}).
 *
 * @param maxBodySize              largest accepted blob (Walrus default 10 MiB); larger bodies get 413
 * @param spoolThreshold           bodies larger than this are streamed to a temporary file instead of memory
 * @param spoolDir                 where those files go (default: the JVM's temporary directory)
 * @param maxConcurrentRequests    stores processed at once (Walrus: 8)
 * @param maxBufferedRequests      stores waiting for a slot (Walrus: 8); beyond that 429
 * @param maxRequestsPerClient     stores one client may have running or waiting; beyond that 429 (so one
 *                                 client's slow uploads cannot hold every slot)
 * @param trustedProxies           peers (the gateway) whose right-most {@code X-Forwarded-For} entry names the
 *                                 client; any other peer is the client itself
 * @param bodyMinRate              bytes per second a body must average after {@code bodyGrace}; slower ones are
 *                                 cut with 408 (0: no limit)
 * @param bodyGrace                how long a body may arrive slower than that at first
 * @param bodyReadTimeout          longest wait for the next bytes of a request body (Tomcat's upload timeout);
 *                                 bounds how late a stalled body is cut
 * @param dataDir                  where a generated wallet key is kept (default {@code <tmp>/walrusj-publisher})
 * @param walletKeyFile            an existing wallet key (base64 of the 32-byte Ed25519 seed); never written
 * @param useFaucet                top the wallet up from the devnet faucet when it cannot pay for a store
 * @param faucetAmount             FROST asked from the faucet per top-up (at least what the store costs)
 * @param maxEpochsAhead           largest {@code epochs} accepted (the chain's max_epochs_ahead; Walrus: 53)
 * @param confirmationTimeout      how long a store waits for a quorum of confirmations before 504
 * @param statusTimeout            how long the already-certified check waits for node status answers
 * @param uploadAttempts           attempts per node call on transient failures (IOException, 5xx, 429, NOT_REGISTERED)
 * @param retryBackoff             first retry delay; doubles (with jitter) up to 10x
 * @param uploadsPerNode           sliver uploads in flight to one node within one store (16: at n = 1000 a
 *                                 small store makes 500 uploads per node; 16 instead of 4 cut it from 2.2 s to 1.7 s here)
 * @param backgroundUploadBudget   encoded bytes that node uploads continuing after their store answered may
 *                                 keep in memory; a store whose blob does not fit cancels its unfinished uploads
 * @param backgroundUploadTimeout  how long such a node upload may continue
 * @param encodeParallelism        encoder threads per store; 0 = available processors
 * @param registrationWait         how long a node may hold a confirmation request until it has seen the blob's
 *                                 registration ({@code wait_for_registration}); nodes that do not wait answer
 *                                 NOT_REGISTERED at once and are retried with backoff
 */
@ConfigurationProperties("publisher")
public record PublisherProperties(
        @DefaultValue("10MB") DataSize maxBodySize,
        @DefaultValue("64MB") DataSize spoolThreshold,
        Path spoolDir,
        @DefaultValue("8") int maxConcurrentRequests,
        @DefaultValue("8") int maxBufferedRequests,
        @DefaultValue("4") int maxRequestsPerClient,
        @DefaultValue({"127.0.0.1", "0:0:0:0:0:0:0:1"}) List<String> trustedProxies,
        @DefaultValue("16KB") DataSize bodyMinRate,
        @DefaultValue("10s") Duration bodyGrace,
        @DefaultValue("10s") Duration bodyReadTimeout,
        Path dataDir,
        Path walletKeyFile,
        @DefaultValue("true") boolean useFaucet,
        @DefaultValue("1000000000000") long faucetAmount,
        @DefaultValue("53") long maxEpochsAhead,
        @DefaultValue("60s") Duration confirmationTimeout,
        @DefaultValue("5s") Duration statusTimeout,
        @DefaultValue("5") int uploadAttempts,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("16") int uploadsPerNode,
        @DefaultValue("1GB") DataSize backgroundUploadBudget,
        @DefaultValue("5m") Duration backgroundUploadTimeout,
        @DefaultValue("0") int encodeParallelism,
        @DefaultValue("5s") Duration registrationWait) {

    public Path effectiveDataDir() {
        return dataDir != null ? dataDir : Path.of(System.getProperty("java.io.tmpdir"), "walrusj-publisher");
    }

    public Path effectiveSpoolDir() {
        return spoolDir != null ? spoolDir : Path.of(System.getProperty("java.io.tmpdir"));
    }

    public int effectiveEncodeParallelism() {
        return encodeParallelism > 0 ? encodeParallelism : Runtime.getRuntime().availableProcessors();
    }
}
