package io.walrusj.encoder.read;

import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.encoder.api.DaemonException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The stream route's body (3.4): the systematic primary slivers are the blob's rows, so they are
 * fetched a window ahead, verified, and written in order as they arrive, holding only the window in
 * memory. When a row cannot be had (its node fails, lies, or is slower than the hedge delay) the
 * rest of the blob is decoded from any p primary slivers instead (the whole blob in memory, DEFAULT
 * check) and written from that row on. Headers go out with the first row, so failures before it
 * still get a status; later failures abort the connection (Content-Length is then not met).
 * STRICT reads need the whole blob before the first byte and are decoded, then written.
 */
final class SystematicStreamer {
    /** Opens the response (status and headers) and returns its body stream; called once. */
    @FunctionalInterface
    interface Target {
        OutputStream open() throws IOException;
    }

    private final SliverCollector collector;
    private final BlobAssembler assembler;
    private final int window;
    private final Duration lateAfter;

    SystematicStreamer(SliverCollector collector, BlobAssembler assembler, int window, Duration lateAfter) {
        this.collector = collector;
        this.assembler = assembler;
        this.window = Math.max(1, window);
        this.lateAfter = lateAfter;
    }

    /** Writes the blob; returns the bytes written. */
    long stream(ResolvedBlob blob, ConsistencyCheck check, Target target) throws IOException {
        long length = blob.size();
        if (check == ConsistencyCheck.STRICT || length == 0) {
            BlobBody body = assembler.readAll(blob.metadata(), blob.source(), check);
            body.writeTo(target.open());
            return body.length();
        }
        EncodingConfig config = collector.config();
        long rowBytes = (long) config.secondarySymbols() * config.symbolSize(length);
        int rows = (int) ((length + rowBytes - 1) / rowBytes);
        Map<Integer, Future<SliverData>> ahead = new HashMap<>();
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("aggregator-stream-", 0).factory());
        OutputStream out = null;
        try {
            for (int r = 0; r < rows; r++) {
                for (int a = r; a < Math.min(rows, r + window); a++) {
                    int row = a;
                    ahead.computeIfAbsent(row, i -> executor.submit(
                            () -> collector.fetchVerified(blob.metadata().metadata(), blob.source(), SliverType.PRIMARY, row)));
                }
                SliverData sliver = awaitRow(ahead.remove(r));
                if (sliver == null) {
                    return fallback(blob, r, rowBytes, done(ahead), out, target);
                }
                if (out == null) {
                    out = target.open();
                }
                out.write(sliver.data(), 0, (int) Math.min(rowBytes, length - r * rowBytes));
                out.flush();
            }
            return length;
        } finally {
            ahead.values().forEach(f -> f.cancel(true));
            executor.shutdownNow();
        }
    }

    /** The verified row, or null if it failed or is late. */
    private SliverData awaitRow(Future<SliverData> row) throws IOException {
        try {
            return row.get(lateAfter.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            row.cancel(true);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming", e);
        }
    }

    /** Rows fetched ahead that are already verified (kept for the fallback decode). */
    private static Map<Integer, SliverData> done(Map<Integer, Future<SliverData>> ahead) {
        Map<Integer, SliverData> held = new HashMap<>();
        ahead.forEach((row, f) -> {
            if (f.state() == Future.State.SUCCESS) {
                held.put(row, f.resultNow());
            }
        });
        return held;
    }

    private long fallback(ResolvedBlob blob, int fromRow, long rowBytes, Map<Integer, SliverData> held, OutputStream open,
            Target target) throws IOException {
        BlobBody body;
        try {
            body = assembler.readAll(blob.metadata(), blob.source(), ConsistencyCheck.DEFAULT, held);
        } catch (DaemonException e) {
            if (open != null) {
                throw new IOException("aborting the stream after " + fromRow + " rows: " + e.getMessage(), e);
            }
            throw "BLOB_UNAVAILABLE".equals(e.reason()) ? ReadErrors.sliverRetrievalFailed(e.getMessage()) : e;
        }
        OutputStream out = open != null ? open : target.open();
        long from = fromRow * rowBytes;
        body.writeFrom(from, out);
        out.flush();
        return body.length();
    }
}
