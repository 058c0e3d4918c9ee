package io.walrusj.chain.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointCursorTest {

    @Test
    void textFormRoundTrips() {
        assertThat(CheckpointCursor.endOf(42)).hasToString("42");
        assertThat(CheckpointCursor.at(42, 7)).hasToString("42:7");
        assertThat(CheckpointCursor.parse("42")).isEqualTo(CheckpointCursor.endOf(42));
        assertThat(CheckpointCursor.parse("42:7")).isEqualTo(CheckpointCursor.at(42, 7));
        assertThatThrownBy(() -> CheckpointCursor.parse("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointCursor.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointCursor.at(1, CheckpointCursor.END)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orderCoverageAndNextCheckpoint() {
        List<CheckpointCursor> sorted = List.of(CheckpointCursor.at(5, 0), CheckpointCursor.at(5, 3),
                CheckpointCursor.endOf(5), CheckpointCursor.at(6, 0));
        List<CheckpointCursor> shuffled = new ArrayList<>(sorted);
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).isEqualTo(sorted);

        CheckpointCursor inside = CheckpointCursor.at(5, 3);
        assertThat(inside.covers(5, 3)).isTrue();
        assertThat(inside.covers(5, 4)).isFalse();
        assertThat(inside.covers(4, 1000)).isTrue();
        assertThat(inside.nextCheckpoint()).isEqualTo(5);
        assertThat(inside.lastCompleteCheckpoint()).isEqualTo(4);
        assertThat(CheckpointCursor.endOf(5).covers(5, 1_000_000)).isTrue();
        assertThat(CheckpointCursor.endOf(5).nextCheckpoint()).isEqualTo(6);
        assertThat(CheckpointCursor.endOf(0).lastCompleteCheckpoint()).isZero();
    }
}
