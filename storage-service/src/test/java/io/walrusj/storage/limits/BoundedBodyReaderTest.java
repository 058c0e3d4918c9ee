package io.walrusj.storage.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedBodyReaderTest {
    final AtomicLong clock = new AtomicLong();
    final RequestBodyBudget budget = new RequestBodyBudget(1 << 20);
    /** 1000 B/s, at least 1 s. */
    final BoundedBodyReader reader = new BoundedBodyReader(budget, 1000, Duration.ofSeconds(1), clock::get);

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }

    /** Hands out {@code step} bytes per read and advances the clock by {@code nanosPerRead}; counts reads. */
    final class Trickle extends InputStream {
        final byte[] data;
        final int step;
        final long nanosPerRead;
        int pos;

        Trickle(byte[] data, int step, long nanosPerRead) {
            this.data = data;
            this.step = step;
            this.nanosPerRead = nanosPerRead;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == data.length) {
                return -1;
            }
            clock.addAndGet(nanosPerRead);
            int n = Math.min(Math.min(step, len), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void readsDeclaredAndChunkedBodiesAndKeepsTheirReservationUntilClosed() throws Exception {
        byte[] body = bytes(300_000);
        RequestBodyBudget.Reservation r = budget.open();
        assertThat(reader.read(new Trickle(body, 10_000, 0), body.length, 500_000, r)).isEqualTo(body);
        assertThat(r.held()).isEqualTo(body.length); // only the final array, the outgrown buffers are given back
        assertThat(budget.reserved()).isEqualTo(body.length);
        r.close();
        assertThat(budget.reserved()).isZero();

        RequestBodyBudget.Reservation chunked = budget.open();
        assertThat(reader.read(new ByteArrayInputStream(body), -1, 500_000, chunked)).isEqualTo(body);
        assertThat(chunked.held()).isEqualTo(body.length);
        chunked.close();
        assertThat(budget.reserved()).isZero();
    }

    @Test
    void aChunkedBodyThatHasFullyArrivedIsNotRefusedWhenItsBufferIsTrimmed() throws Exception {
        // 100,000 bytes arrive in a 131,072-byte buffer; trimming it must not reserve the 100,000 again
        // before the 131,072 are given back (that would need 231,072 of this 200,000-byte budget; growing
        // from 65,536 to 131,072 holds both buffers for a moment: 196,608)
        RequestBodyBudget small = new RequestBodyBudget(200_000);
        BoundedBodyReader smallReader = new BoundedBodyReader(small, 1000, Duration.ofSeconds(1), clock::get);
        byte[] body = bytes(100_000);
        RequestBodyBudget.Reservation r = small.open();
        assertThat(smallReader.read(new ByteArrayInputStream(body), -1, 500_000, r)).isEqualTo(body);
        assertThat(r.held()).isEqualTo(body.length);
        r.close();
        assertThat(small.reserved()).isZero();
    }

    @Test
    void aBodyThatDeclaresMuchAndSendsLittleHoldsOnlyOneSmallBuffer() throws Exception {
        RequestBodyBudget.Reservation r = budget.open();
        InputStream oneByteThenBlocks = new InputStream() {
            boolean sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (!sent) {
                    sent = true;
                    b[off] = 1;
                    return 1;
                }
                // while "blocked" here the reservation is what the connection holds
                assertThat(r.held()).isEqualTo(BoundedBodyReader.INITIAL_BUFFER);
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> reader.read(oneByteThenBlocks, 4_390_000, 5_000_000, r)).isInstanceOf(IOException.class);
        assertThat(budget.reserved()).as("given back on failure").isZero();
    }

    @Test
    void refusesWhenTheBudgetCannotHoldTheNextBuffer() throws Exception {
        RequestBodyBudget small = new RequestBodyBudget(3 * BoundedBodyReader.INITIAL_BUFFER);
        BoundedBodyReader r = new BoundedBodyReader(small, 1000, Duration.ofSeconds(1), clock::get);
        RequestBodyBudget.Reservation other = small.open();
        assertThat(other.grow(2 * BoundedBodyReader.INITIAL_BUFFER)).isTrue();
        // 64 KiB fits, the 128 KiB buffer it outgrows into does not (64 + 128 > 192 - 128)
        RequestBodyBudget.Reservation mine = small.open();
        assertThatThrownBy(() -> r.read(new ByteArrayInputStream(bytes(200_000)), 200_000, 300_000, mine))
                .isInstanceOfSatisfying(BoundedBodyReader.BodyException.class,
                        e -> assertThat(e.failure()).isEqualTo(BoundedBodyReader.Failure.BUDGET_EXHAUSTED));
        assertThat(small.reserved()).isEqualTo(2 * BoundedBodyReader.INITIAL_BUFFER);
        assertThat(small.refusals()).isEqualTo(1);
        other.close();
        assertThat(small.reserved()).isZero();
        assertThat(r.read(new ByteArrayInputStream(bytes(100_000)), 100_000, 300_000, small.open())).hasSize(100_000);
    }

    @Test
    void aBodySlowerThanTheMinimumRateIsCutAtItsDeadline() throws Exception {
        // 10,000 bytes at >= 1000 B/s: 10 s; one byte per 10 ms arrives in 100 s
        assertThat(reader.deadline(10_000)).isEqualTo(Duration.ofSeconds(10));
        assertThat(reader.deadline(10)).isEqualTo(Duration.ofSeconds(1));
        Trickle slow = new Trickle(bytes(10_000), 1, Duration.ofMillis(10).toNanos());
        RequestBodyBudget.Reservation r = budget.open();
        assertThatThrownBy(() -> reader.read(slow, 10_000, 20_000, r))
                .isInstanceOfSatisfying(BoundedBodyReader.BodyException.class,
                        e -> assertThat(e.failure()).isEqualTo(BoundedBodyReader.Failure.TOO_SLOW));
        assertThat(slow.pos).as("cut right after the deadline").isBetween(1000, 1002);
        assertThat(budget.reserved()).isZero();
        // just fast enough: 100 bytes per 10 ms = 10,000 B/s
        byte[] body = bytes(10_000);
        assertThat(reader.read(new Trickle(body, 100, Duration.ofMillis(10).toNanos()), 10_000, 20_000, budget.open()))
                .isEqualTo(body);
    }

    @Test
    void tooLargeAndTruncatedBodies() {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes(10)), 2000, 1000, budget.open()))
                .isInstanceOfSatisfying(BoundedBodyReader.BodyException.class,
                        e -> assertThat(e.failure()).isEqualTo(BoundedBodyReader.Failure.TOO_LARGE));
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes(2000)), -1, 1000, budget.open()))
                .isInstanceOfSatisfying(BoundedBodyReader.BodyException.class,
                        e -> assertThat(e.failure()).isEqualTo(BoundedBodyReader.Failure.TOO_LARGE));
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bytes(10)), 20, 1000, budget.open()))
                .isInstanceOfSatisfying(BoundedBodyReader.BodyException.class,
                        e -> assertThat(e.failure()).isEqualTo(BoundedBodyReader.Failure.TRUNCATED));
        assertThat(budget.reserved()).isZero();
    }
}
