package io.walrusj.core.rs;

/**
 * A reusable encoder for one code shape and shard size, with the work buffer it owns. Callers write
 * original k into {@link #work()} at {@link #shardOffset(int) shardOffset(k)} (work layout, see
 * {@link ShardLayout}), call {@link #encode()}, and read recovery shard i at
 * {@link #shardOffset(int) shardOffset(i)}. Not thread-safe: one per thread.
 *
 * <p>Algorithms: docs/spec/reed-solomon-gf16.md 5.2 (high rate) and 5.3 (low rate).
 */
public final class ReedSolomonEncoder {
    private final RsParameters params;
    private final ShardEngine engine;
    private final int shardBytes;
    private final byte[] work;

    public ReedSolomonEncoder(RsParameters params, int shardElements, ShardEngine engine) {
        this.params = params;
        this.engine = engine;
        this.shardBytes = ShardLayout.workBytes(shardElements);
        this.work = new byte[Math.multiplyExact(params.encoderWorkShards(), shardBytes)];
    }

    public byte[] work() {
        return work;
    }

    public int shardBytes() {
        return shardBytes;
    }

    public RsParameters params() {
        return params;
    }

    /** Byte offset of shard slot {@code slot}: original k before encoding, recovery i after. */
    public int shardOffset(int slot) {
        return slot * shardBytes;
    }

    public void encode() {
        int k = params.originalCount();
        int r = params.recoveryCount();
        int chunk = params.chunk();
        int workShards = params.encoderWorkShards();
        if (params.highRate()) {
            ShardLayout.zero(work, k * shardBytes, (workShards - k) * shardBytes);
            AdditiveFft.ifft(engine, work, shardBytes, 0, chunk, Math.min(k, chunk), chunk);
            for (int s = chunk; s < k; s += chunk) {
                AdditiveFft.ifft(engine, work, shardBytes, s, chunk, Math.min(chunk, k - s), s + chunk);
                engine.xor(work, 0, s * shardBytes, chunk * shardBytes);
            }
            AdditiveFft.fft(engine, work, shardBytes, 0, chunk, r, 0);
        } else {
            ShardLayout.zero(work, k * shardBytes, (chunk - k) * shardBytes);
            AdditiveFft.ifft(engine, work, shardBytes, 0, chunk, k, 0);
            for (int s = chunk; s < r; s += chunk) {
                System.arraycopy(work, 0, work, s * shardBytes, chunk * shardBytes);
            }
            for (int s = 0; s < r; s += chunk) {
                AdditiveFft.fft(engine, work, shardBytes, s, chunk, Math.min(chunk, r - s), s + chunk);
            }
        }
    }
}
