package io.walrusj.storage.store;

import io.walrusj.chain.follow.CheckpointCursor;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * {@link SliverStore} on RocksDB, one column family per kind of record:
 *
 * <ul>
 *   <li>{@code metadata}: blob id (32) -> BCS {@code BlobMetadata}</li>
 *   <li>{@code primary_slivers}, {@code secondary_slivers}: blob id (32) + pair index (u16 big
 *       endian, so a blob's slivers are contiguous and in pair order) -> BCS {@code SliverData}</li>
 *   <li>{@code blob_info}: blob id (32) -> {@link BlobInfo} BCS</li>
 *   <li>{@code node_state}: {@code "checkpoint_cursor"} -> {@code CheckpointCursor} text
 *       ({@code <checkpoint>} or {@code <checkpoint>:<position>}, gRPC follower);
 *       {@code "event_cursor"} -> {@code <txDigest>:<eventSeq>} (legacy JSON-RPC follower)</li>
 *   <li>{@code inconsistency_proofs}: blob id (32) -> BCS {@code InconsistencyProof} (enum form)</li>
 * </ul>
 *
 * The sliver families are not compressed (erasure-coded data does not compress). Event batches, deletions and inconsistency proofs are written with {@code WriteOptions.setSync(true)}
 * (fsync of the WAL before returning). Metadata and slivers are written to the WAL without an fsync
 * each (a process crash keeps them, the OS has them); {@link #syncWal()} makes them durable against
 * power loss at the moment it matters, before the node signs a confirmation, with one fsync for all
 * of a blob's slivers instead of one per sliver.
 */
public final class RocksSliverStore implements SliverStore {
    static {
        RocksDB.loadLibrary();
    }

    private static final byte[] EVENT_CURSOR_KEY = "event_cursor".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECKPOINT_CURSOR_KEY = "checkpoint_cursor".getBytes(StandardCharsets.UTF_8);
    private static final List<String> FAMILIES = List.of("metadata", "primary_slivers", "secondary_slivers",
            "blob_info", "node_state", "inconsistency_proofs");

    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final ColumnFamilyOptions sliverOptions;
    private final WriteOptions syncWrite;
    private final WriteOptions walWrite;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final ColumnFamilyHandle metadata;
    private final ColumnFamilyHandle primary;
    private final ColumnFamilyHandle secondary;
    private final ColumnFamilyHandle blobInfo;
    private final ColumnFamilyHandle nodeState;
    private final ColumnFamilyHandle proofs;
    private final StoreMetrics metrics;

    public RocksSliverStore(Path directory, StoreMetrics metrics) {
        this.metrics = metrics;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException("cannot create " + directory, e);
        }
        dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        cfOptions = new ColumnFamilyOptions();
        // erasure-coded slivers look random: compressing them (Snappy by default) only costs CPU
        sliverOptions = new ColumnFamilyOptions().setCompressionType(CompressionType.NO_COMPRESSION);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
        for (String f : FAMILIES) {
            boolean slivers = f.endsWith("_slivers");
            descriptors.add(new ColumnFamilyDescriptor(f.getBytes(StandardCharsets.UTF_8), slivers ? sliverOptions : cfOptions));
        }
        try {
            db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            dbOptions.close();
            cfOptions.close();
            sliverOptions.close();
            throw new StoreException("cannot open RocksDB at " + directory + ": " + e.getMessage(), e);
        }
        metadata = handles.get(1);
        primary = handles.get(2);
        secondary = handles.get(3);
        blobInfo = handles.get(4);
        nodeState = handles.get(5);
        proofs = handles.get(6);
        syncWrite = new WriteOptions().setSync(true);
        walWrite = new WriteOptions().setSync(false);
    }

    @Override
    public void putMetadata(BlobId blobId, BlobMetadata value) {
        put("metadata", metadata, walWrite, blobId.bytes(), value.toBcs());
    }

    @Override
    public Optional<BlobMetadata> getMetadata(BlobId blobId) {
        return get("metadata", metadata, blobId.bytes()).map(BlobMetadata::fromBcs);
    }

    @Override
    public boolean hasMetadata(BlobId blobId) {
        return exists(metadata, blobId.bytes());
    }

    @Override
    public void putSliver(BlobId blobId, int pairIndex, SliverData sliver) {
        put(sliver.type().text(), family(sliver.type()), walWrite, sliverKey(blobId, pairIndex), sliver.toBcs());
    }

    @Override
    public Optional<SliverData> getSliver(BlobId blobId, int pairIndex, SliverType type) {
        return get(type.text(), family(type), sliverKey(blobId, pairIndex)).map(b -> SliverData.fromBcs(b, type));
    }

    @Override
    public boolean hasSliver(BlobId blobId, int pairIndex, SliverType type) {
        return exists(family(type), sliverKey(blobId, pairIndex));
    }

    @Override
    public Optional<BlobInfo> getBlobInfo(BlobId blobId) {
        return get("blob_info", blobInfo, blobId.bytes()).map(BlobInfo::fromBcs);
    }

    @Override
    public Optional<CheckpointCursor> loadCheckpointCursor() {
        return get("cursor", nodeState, CHECKPOINT_CURSOR_KEY)
                .map(b -> CheckpointCursor.parse(new String(b, StandardCharsets.UTF_8)));
    }

    @Override
    public void commitEvents(Map<BlobId, BlobInfo> changed, CheckpointCursor cursor) {
        commit(changed, CHECKPOINT_CURSOR_KEY, cursor.toString());
    }

    @Override
    public Optional<EventId> loadEventCursor() {
        return get("cursor", nodeState, EVENT_CURSOR_KEY).map(b -> EventId.parse(new String(b, StandardCharsets.UTF_8)));
    }

    @Override
    public void commitEvents(Map<BlobId, BlobInfo> changed, EventId cursor) {
        commit(changed, EVENT_CURSOR_KEY, cursor.toString());
    }

    private void commit(Map<BlobId, BlobInfo> changed, byte[] cursorKey, String cursor) {
        long start = System.nanoTime();
        long bytes = 0;
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<BlobId, BlobInfo> e : changed.entrySet()) {
                byte[] v = e.getValue().toBcs();
                bytes += v.length;
                batch.put(blobInfo, e.getKey().bytes(), v);
            }
            batch.put(nodeState, cursorKey, cursor.getBytes(StandardCharsets.UTF_8));
            db.write(syncWrite, batch);
        } catch (RocksDBException e) {
            throw new StoreException("event batch write failed: " + e.getMessage(), e);
        }
        metrics.write("events", bytes, System.nanoTime() - start);
    }

    @Override
    public void putInconsistencyProof(BlobId blobId, InconsistencyProof proof) {
        put("inconsistency_proof", proofs, syncWrite, blobId.bytes(), proof.toBcs());
    }

    @Override
    public Optional<InconsistencyProof> getInconsistencyProof(BlobId blobId) {
        return get("inconsistency_proof", proofs, blobId.bytes()).map(InconsistencyProof::fromBcs);
    }

    @Override
    public void deleteBlobData(BlobId blobId) {
        long start = System.nanoTime();
        byte[] from = sliverKey(blobId, 0);
        byte[] to = new byte[BlobId.LENGTH + 3]; // blob id + 0xFFFF + 0x00: after every pair of this blob
        System.arraycopy(blobId.bytes(), 0, to, 0, BlobId.LENGTH);
        to[BlobId.LENGTH] = (byte) 0xFF;
        to[BlobId.LENGTH + 1] = (byte) 0xFF;
        try (WriteBatch batch = new WriteBatch()) {
            batch.delete(metadata, blobId.bytes());
            batch.deleteRange(primary, from, to);
            batch.deleteRange(secondary, from, to);
            batch.delete(proofs, blobId.bytes());
            db.write(syncWrite, batch);
        } catch (RocksDBException e) {
            throw new StoreException("blob data deletion failed: " + e.getMessage(), e);
        }
        metrics.write("delete", 0, System.nanoTime() - start);
    }

    @Override
    public void forEachBlobInfo(BiConsumer<BlobId, BlobInfo> consumer) {
        try (RocksIterator it = db.newIterator(blobInfo)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                consumer.accept(BlobId.of(it.key()), BlobInfo.fromBcs(it.value()));
            }
        }
    }

    @Override
    public void forEachBlobInfoFrom(BlobId start, BiPredicate<BlobId, BlobInfo> visitor) {
        // RocksDB's default comparator orders keys as unsigned bytes
        try (RocksIterator it = db.newIterator(blobInfo)) {
            for (it.seek(start.bytes()); it.isValid(); it.next()) {
                if (!visitor.test(BlobId.of(it.key()), BlobInfo.fromBcs(it.value()))) {
                    return;
                }
            }
        }
    }

    private ColumnFamilyHandle family(SliverType type) {
        return type == SliverType.PRIMARY ? primary : secondary;
    }

    static byte[] sliverKey(BlobId blobId, int pairIndex) {
        byte[] key = new byte[BlobId.LENGTH + 2];
        System.arraycopy(blobId.bytes(), 0, key, 0, BlobId.LENGTH);
        key[BlobId.LENGTH] = (byte) (pairIndex >>> 8);
        key[BlobId.LENGTH + 1] = (byte) pairIndex;
        return key;
    }

    @Override
    public void syncWal() {
        long start = System.nanoTime();
        try {
            db.syncWal();
        } catch (RocksDBException e) {
            throw new StoreException("WAL sync failed: " + e.getMessage(), e);
        }
        metrics.walSync(System.nanoTime() - start);
    }

    private void put(String kind, ColumnFamilyHandle cf, WriteOptions options, byte[] key, byte[] value) {
        long start = System.nanoTime();
        try {
            db.put(cf, options, key, value);
        } catch (RocksDBException e) {
            throw new StoreException(kind + " write failed: " + e.getMessage(), e);
        }
        metrics.write(kind, value.length, System.nanoTime() - start);
    }

    private Optional<byte[]> get(String kind, ColumnFamilyHandle cf, byte[] key) {
        try {
            byte[] v = db.get(cf, key);
            metrics.read(kind, v != null);
            return Optional.ofNullable(v);
        } catch (RocksDBException e) {
            throw new StoreException(kind + " read failed: " + e.getMessage(), e);
        }
    }

    private boolean exists(ColumnFamilyHandle cf, byte[] key) {
        if (!db.keyMayExist(cf, key, null)) {
            return false;
        }
        try {
            return db.get(cf, key) != null;
        } catch (RocksDBException e) {
            throw new StoreException("read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        handles.clear();
        db.close();
        syncWrite.close();
        walWrite.close();
        dbOptions.close();
        cfOptions.close();
        sliverOptions.close();
    }
}
