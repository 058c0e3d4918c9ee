package io.walrusj.chain.grpc;

import com.google.protobuf.FieldMask;

/**
 * The read masks {@link SuiGrpcClient} sends: only what the records it returns carry. Paths are
 * relative to the message the RPC returns ({@code Object}, {@code Checkpoint}, ...) and go through
 * repeated fields ({@code transactions.events.events.contents}); a path Sui does not know is
 * rejected with {@code INVALID_ARGUMENT}.
 */
public final class ReadMasks {

    /** Object: identity, owner, type and the Move struct's BCS ({@code contents}, not {@code bcs}). */
    public static final FieldMask OBJECT = of("object_id", "version", "digest", "owner", "object_type", "contents");
    /** A package's type origin table. */
    public static final FieldMask PACKAGE_TYPE_ORIGINS = of("object_id", "package.type_origins");

    private static final String[] EVENT_PATHS = {"package_id", "module", "sender", "event_type", "contents"};

    /** Checkpoint: sequence number, digest, summary timestamp and epoch, each transaction's digest and events. */
    public static final FieldMask CHECKPOINT = of(concat(new String[] {"sequence_number", "digest",
            "summary.timestamp", "summary.epoch", "transactions.digest"},
            prefixed("transactions.events.events.", EVENT_PATHS)));

    /** ExecutedTransaction: digest, checkpoint, timestamp, index in the checkpoint, events. */
    public static final FieldMask TRANSACTION = of(concat(new String[] {"digest", "checkpoint", "timestamp", "transaction_index"},
            prefixed("events.events.", EVENT_PATHS)));

    /** Epoch: number, reference gas price, first checkpoint, start. */
    public static final FieldMask EPOCH = of("epoch", "reference_gas_price", "first_checkpoint", "start");

    /** DynamicField: kind, field id, name, value, value type, child id. */
    public static final FieldMask DYNAMIC_FIELD = of("kind", "field_id", "name", "value", "value_type", "child_id");

    private ReadMasks() {
    }

    private static FieldMask of(String... paths) {
        return FieldMask.newBuilder().addAllPaths(java.util.List.of(paths)).build();
    }

    private static String[] prefixed(String prefix, String[] paths) {
        String[] out = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            out[i] = prefix + paths[i];
        }
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
