package io.walrusj.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the real PostgreSQL server (zonky's binaries from Maven Central) that the services use by
 * default, with a data directory that is kept across restarts.
 *
 * <p>The server runs as a child process. When the JVM is killed with {@code kill -9} it is left
 * running, holding the data directory, and the next start would fail. So before starting, a
 * server still registered in the directory's {@code postmaster.pid} is shut down (fast shutdown,
 * then a kill if it does not stop in time; PostgreSQL recovers from its WAL on the next start).
 */
public final class EmbeddedPostgresServer {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private EmbeddedPostgresServer() {}

    /** Starts a server on {@code dataDir} ({@code port} 0 = any free port). */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** The pid in {@code postmaster.pid}, if the file exists and names a live process. */
    static Optional<ProcessHandle> orphan(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stopOrphan(Path dataDir) throws IOException {
        Optional<ProcessHandle> orphan = orphan(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        log.warn("PostgreSQL {} from an earlier run still holds {}; stopping it", process.pid(), dataDir);
        // SIGINT = fast shutdown; ProcessHandle only offers SIGTERM (smart shutdown) and SIGKILL.
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL " + process.pid(), e);
        }
        try {
            process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL {} did not stop in {}; killing it", process.pid(), STOP_TIMEOUT);
            process.destroyForcibly();
            try {
                process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception again) {
                throw new IOException("could not stop PostgreSQL " + process.pid() + " holding " + dataDir, again);
            }
        }
    }
}
