package io.walrusj.indexer.ingest;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.model.Committee;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.indexer.status.BlobStatus;
import io.walrusj.indexer.status.BlobStatusCalculator;
import io.walrusj.indexer.status.ObjectFacts;
import io.walrusj.indexer.store.BlobObjectDao;
import io.walrusj.indexer.store.BlobStatusDao;
import io.walrusj.indexer.store.CursorDao;
import io.walrusj.indexer.store.EpochDao;
import io.walrusj.indexer.store.EventLogDao;
import io.walrusj.indexer.store.EventRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies one batch of events to the database. Must run inside a transaction (see
 * {@link IngestService}): it locks the cursor row, appends the events to the log, changes the Blob
 * objects, recomputes the status of every blob ID whose objects changed or expired, records epoch
 * and committee facts, and moves the cursor.
 *
 * <p>Blob objects are handled in memory: all objects of the blob IDs the batch touches (and of
 * those that expire because the batch raises the current epoch) are read with one query, the
 * events are applied in chain order, then the changed rows and statuses are written with one
 * batched statement each.
 */
public final class BatchApplier {

    private final CursorDao cursors;
    private final EventLogDao eventLog;
    private final BlobObjectDao objects;
    private final BlobStatusDao statuses;
    private final EpochDao epochs;
    private final EventEffects effects;
    private final String stream;

    public BatchApplier(JdbcTemplate jdbc, String stream) {
        this.cursors = new CursorDao(jdbc);
        this.eventLog = new EventLogDao(jdbc);
        this.objects = new BlobObjectDao(jdbc);
        this.statuses = new BlobStatusDao(jdbc);
        this.epochs = new EpochDao(jdbc);
        this.effects = new EventEffects(epochs);
        this.stream = stream;
    }

    public String stream() {
        return stream;
    }

    /**
     * @param events the batch, in chain order (empty: a cursor-only commit of checkpoints without Walrus events)
     * @param cursor the follower's cursor text after the batch, committed with it
     * @param committees committees read from the chain for the batch's EpochChangeStart events, by epoch
     */
    public BatchResult apply(List<WalrusEventEnvelope> events, String cursor,
            Map<Long, Committee> committees) {
        long[] positionAndEpoch = cursors.lockPositionAndEpoch(stream);
        long lastId = positionAndEpoch[0];
        long epochBefore = positionAndEpoch[1];
        long epochAfter = epochBefore;
        Set<String> touchedBlobs = new HashSet<>();
        for (WalrusEventEnvelope e : events) {
            epochAfter = Math.max(epochAfter, epochOf(e.event()));
            String blob = blobIdOf(e.event());
            if (blob != null) {
                touchedBlobs.add(blob);
            }
        }
        Set<String> expiring = epochAfter > epochBefore ? objects.blobIdsExpiring(epochBefore, epochAfter) : Set.of();
        Set<String> load = new HashSet<>(touchedBlobs);
        load.addAll(expiring);
        BlobObjectDao.Loaded loaded = objects.loadBlobs(load);
        WorkingSet ws = new WorkingSet(loaded.objects(), loaded.invalidEvents());

        Map<Long, Committee> pendingCommittees = new HashMap<>(committees);
        List<EventRow> rows = new ArrayList<>(events.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        OptionalLong lastTs = OptionalLong.empty();
        long epochRaisedAt = 0;
        long running = epochBefore;
        for (WalrusEventEnvelope e : events) {
            long id = ++lastId;
            WalrusEvent event = e.event();
            rows.add(new EventRow(id, e.txDigest(), e.id().eventSeq(), e.type(), event.name(), e.sender().toString(),
                    e.timestampMs().isPresent() ? e.timestampMs().getAsLong() : null, EventJson.render(event),
                    event.toBcs()));
            counts.merge(event.name(), 1, Integer::sum);
            if (e.timestampMs().isPresent()) {
                lastTs = e.timestampMs();
            }
            if (epochOf(event) > running) {
                running = epochOf(event);
                epochRaisedAt = id;
            }
            effects.apply(ws, e, id, pendingCommittees);
        }
        pendingCommittees.forEach(effects::storeCommittee);
        if (epochAfter > epochBefore) {
            epochs.observe(epochAfter);
        }

        objects.upsert(ws.dirtyRows());
        statuses.upsert(statuses(ws, expiring, epochRaisedAt, epochAfter));
        eventLog.insert(rows);
        cursors.save(stream, events.isEmpty() ? null : events.getLast().id(), cursor, lastId);
        return new BatchResult(events.size(), lastId, counts, lastTs, epochAfter);
    }

    /**
     * The new status of every blob ID whose objects changed (last changed by the event recorded in
     * the working set) or expired (by the event that raised the epoch), as of {@code epoch}.
     */
    private static List<BlobStatusDao.Row> statuses(WorkingSet ws, Set<String> expiring, long epochRaisedAt,
            long epoch) {
        Map<String, Long> recompute = new LinkedHashMap<>();
        for (String blob : expiring) {
            recompute.put(blob, epochRaisedAt);
        }
        recompute.putAll(ws.changedBlobs());
        List<BlobStatusDao.Row> rows = new ArrayList<>(recompute.size());
        for (Map.Entry<String, Long> r : recompute.entrySet()) {
            List<ObjectFacts> facts = ws.objectsOf(r.getKey()).stream().map(ObjectState::facts).toList();
            BlobStatus status = BlobStatusCalculator.compute(facts, ws.invalidEvent(r.getKey()), epoch);
            rows.add(new BlobStatusDao.Row(r.getKey(), status, r.getValue()));
        }
        return rows;
    }

    /** The current epoch the event proves (its epoch field where that is the current epoch), else 0. */
    static long epochOf(WalrusEvent event) {
        return switch (event) {
            case WalrusEvent.EpochChangeStart s -> s.epoch();
            case WalrusEvent.BlobRegistered r -> r.epoch();
            case WalrusEvent.BlobDeleted d -> d.epoch();
            case WalrusEvent.InvalidBlobId i -> i.epoch();
            default -> 0;
        };
    }

    /** The blob ID whose objects or status the event changes, or null. */
    static String blobIdOf(WalrusEvent event) {
        return switch (event) {
            case WalrusEvent.BlobRegistered r -> r.blobId().toString();
            case WalrusEvent.BlobCertified c -> c.blobId().toString();
            case WalrusEvent.BlobDeleted d -> d.blobId().toString();
            case WalrusEvent.InvalidBlobId i -> i.blobId().toString();
            default -> null;
        };
    }
}
