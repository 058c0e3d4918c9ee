package io.walrusj.indexer.store;

import io.walrusj.chain.rpc.EventId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes {@code epochs} and {@code committee_members}, one statement per (rare) epoch event. */
public final class EpochDao {

    private final JdbcTemplate jdbc;

    public EpochDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code epoch} exists (known from a blob event's epoch field) unless already known. */
    public void observe(long epoch) {
        jdbc.update("insert into epochs (epoch, state) values (?, 'OBSERVED') on conflict (epoch) do nothing", epoch);
    }

    /** {@code EpochChangeStart(epoch)}. */
    public void started(long epoch, long eventId, EventId event, Long timestampMs) {
        jdbc.update("""
                insert into epochs (epoch, state, start_event_id, start_tx_digest, start_event_seq, started_at_ms)
                values (?, 'EPOCH_CHANGE_SYNC', ?, ?, ?, ?)
                on conflict (epoch) do update set state = excluded.state, start_event_id = excluded.start_event_id,
                    start_tx_digest = excluded.start_tx_digest, start_event_seq = excluded.start_event_seq,
                    started_at_ms = excluded.started_at_ms""",
                epoch, eventId, event.txDigest(), event.eventSeq(), timestampMs);
    }

    /** {@code EpochChangeDone(epoch)}. */
    public void done(long epoch, long eventId, Long timestampMs) {
        jdbc.update("""
                insert into epochs (epoch, state, done_event_id, done_at_ms) values (?, 'EPOCH_CHANGE_DONE', ?, ?)
                on conflict (epoch) do update set state = excluded.state, done_event_id = excluded.done_event_id,
                    done_at_ms = excluded.done_at_ms""", epoch, eventId, timestampMs);
    }

    /** {@code EpochParametersSelected(nextEpoch)}: the running epoch {@code nextEpoch - 1} moves on. */
    public void nextParamsSelected(long runningEpoch, long eventId) {
        jdbc.update("""
                insert into epochs (epoch, state, params_selected_event_id) values (?, 'NEXT_PARAMS_SELECTED', ?)
                on conflict (epoch) do update set state = excluded.state,
                    params_selected_event_id = excluded.params_selected_event_id""", runningEpoch, eventId);
    }

    /**
     * {@code ShardsReceived(epoch, shards)}: adds to the epoch's received-shard count and marks the
     * committee member holding exactly these shards, if the committee is known.
     */
    public void shardsReceived(long epoch, List<Integer> shards, long eventId) {
        jdbc.update("""
                insert into epochs (epoch, state, shards_received) values (?, 'OBSERVED', ?)
                on conflict (epoch) do update set shards_received = epochs.shards_received + excluded.shards_received""",
                epoch, shards.size());
        jdbc.update("update committee_members set shards_received_event_id = ? "
                + "where epoch = ? and shards @> ? and shards <@ ?", ps -> {
                    ps.setLong(1, eventId);
                    ps.setLong(2, epoch);
                    ps.setArray(3, SqlArrays.integers(ps, shards));
                    ps.setArray(4, SqlArrays.integers(ps, shards));
                });
    }

    /** Stores the committee of {@code epoch} (node -> shards) unless it is already known. */
    public void committee(long epoch, Map<String, List<Integer>> shardsByNode) {
        jdbc.update("insert into epochs (epoch, state, committee_known) values (?, 'OBSERVED', true) "
                + "on conflict (epoch) do update set committee_known = true", epoch);
        List<Map.Entry<String, List<Integer>>> members = List.copyOf(shardsByNode.entrySet());
        jdbc.batchUpdate("""
                insert into committee_members (epoch, node_id, shards, shard_count) values (?, ?, ?, ?)
                on conflict (epoch, node_id) do nothing""", members, Math.max(1, members.size()), (ps, m) -> {
            ps.setLong(1, epoch);
            ps.setString(2, m.getKey());
            ps.setArray(3, SqlArrays.integers(ps, m.getValue()));
            ps.setInt(4, m.getValue().size());
        });
    }
}
