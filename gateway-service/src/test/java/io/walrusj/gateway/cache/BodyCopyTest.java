package io.walrusj.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

class BodyCopyTest {

    private final DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    @Test
    void copiesEveryByteWithoutConsumingTheBuffers() {
        BodyCopy copy = new BodyCopy(100, -1);
        DataBuffer first = buffers.wrap(new byte[] {1, 2, 3});
        DataBuffer second = buffers.wrap(new byte[] {4, 5});

        copy.append(first);
        copy.append(second);

        assertThat(copy.complete()).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1, 2, 3, 4, 5));
        assertThat(first.readableByteCount()).isEqualTo(3);
    }

    @Test
    void givesUpOnceTheBodyPassesTheLimit() {
        BodyCopy copy = new BodyCopy(4, -1);
        copy.append(buffers.wrap(new byte[] {1, 2, 3}));
        copy.append(buffers.wrap(new byte[] {4, 5}));
        copy.append(buffers.wrap(new byte[] {}));

        assertThat(copy.complete()).isEmpty();
    }

    @Test
    void aBodyShorterThanItsContentLengthIsNotComplete() {
        BodyCopy copy = new BodyCopy(100, 10);
        copy.append(buffers.wrap(new byte[] {1, 2, 3}));

        assertThat(copy.complete()).isEmpty();
    }

    @Test
    void growsBeyondItsInitialGuessWhenTheLengthIsUnknown() {
        BodyCopy copy = new BodyCopy(1 << 20, -1);
        byte[] chunk = new byte[50_000];
        chunk[49_999] = 7;
        for (int i = 0; i < 3; i++) {
            copy.append(buffers.wrap(chunk));
        }

        assertThat(copy.complete()).hasValueSatisfying(bytes -> {
            assertThat(bytes).hasSize(150_000);
            assertThat(bytes[149_999]).isEqualTo((byte) 7);
        });
    }
}
