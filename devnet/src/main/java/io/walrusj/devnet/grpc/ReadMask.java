package io.walrusj.devnet.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code google.protobuf.FieldMask} over one message type, as Sui reads them: paths are
 * field names joined by dots, may go through repeated message fields ({@code transactions.events.events.contents}),
 * and a path naming a whole message keeps all of it. An unknown path is {@code INVALID_ARGUMENT}.
 * {@link #apply} copies only the masked fields of a fully built message.
 */
final class ReadMask {
    /**
     * Fields of Sui's messages (MystenLabs/sui-apis, as of the commit chain-client's protos follow)
     * that those protos omit. Official clients ask for some of them (the TypeScript SDK's
     * {@code display}, {@code effects}, {@code protocol_config}); Sui accepts the paths, so the devnet
     * does too and leaves the fields out of the answer.
     */
    private static final Map<String, Set<String>> NOT_SERVED = Map.of(
            "Object", Set.of("display"),
            "Checkpoint", Set.of("signature", "contents"),
            "CheckpointSummary", Set.of("epoch_rolling_gas_cost_summary", "commitments", "end_of_epoch_data", "version_specific_data"),
            "Epoch", Set.of("system_state", "protocol_config"),
            "ExecutedTransaction", Set.of("transaction", "signatures", "effects", "balance_changes"),
            "Package", Set.of("modules", "linkage"));

    /** Field name -> sub-mask; an empty sub-mask keeps the whole field. */
    private final Map<String, ReadMask> children;

    private ReadMask(Map<String, ReadMask> children) {
        this.children = children;
    }

    /** The request's mask, or {@code defaultPaths} when it has none. */
    static ReadMask of(boolean present, FieldMask mask, Descriptor type, String... defaultPaths) {
        List<String> paths = present ? mask.getPathsList() : List.of(defaultPaths);
        ReadMask root = new ReadMask(new LinkedHashMap<>());
        for (String path : paths) {
            if (path.isEmpty()) {
                throw GrpcStatuses.invalid("read_mask", "empty read_mask path");
            }
            Descriptor d = type;
            for (String segment : path.split("\\.", -1)) {
                FieldDescriptor field = d == null ? null : d.findFieldByName(segment);
                if (field == null && d != null && NOT_SERVED.getOrDefault(d.getName(), Set.of()).contains(segment)) {
                    break; // a Sui field the devnet's protos leave out: valid, and it comes back empty
                }
                if (field == null) {
                    throw GrpcStatuses.invalid("read_mask", "invalid read_mask path '" + path + "' for " + type.getFullName());
                }
                d = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? field.getMessageType() : null;
            }
            ReadMask node = root;
            for (String segment : path.split("\\.", -1)) {
                if (node.whole) {
                    break; // a shorter path already keeps the whole field
                }
                node = node.children.computeIfAbsent(segment, s -> new ReadMask(new LinkedHashMap<>()));
            }
            node.whole = true;
            node.children.clear();
        }
        return root;
    }

    private boolean whole;

    /** Whether the mask asks for {@code field} (directly or for part of it). */
    boolean includes(String field) {
        return this == ALL || children.containsKey(field);
    }

    /** The sub-mask of {@code field}: everything for a whole-field entry, nothing if the mask does not name it. */
    ReadMask child(String field) {
        if (this == ALL) {
            return ALL;
        }
        ReadMask c = children.get(field);
        return c == null ? NONE : c.whole ? ALL : c;
    }

    private static final ReadMask NONE = new ReadMask(Map.of());

    /** A mask that keeps everything. */
    static final ReadMask ALL = new ReadMask(Map.of());

    /** A copy of {@code message} with only the masked fields. */
    @SuppressWarnings("unchecked")
    <M extends Message> M apply(M message) {
        if (this == ALL) {
            return message;
        }
        Message.Builder out = message.newBuilderForType();
        Descriptor d = message.getDescriptorForType();
        for (Map.Entry<String, ReadMask> e : children.entrySet()) {
            FieldDescriptor field = d.findFieldByName(e.getKey());
            if (field == null) {
                continue; // a Sui field the devnet does not serve (NOT_SERVED)
            }
            ReadMask sub = e.getValue().whole ? ALL : e.getValue();
            if (field.isRepeated()) {
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    Object element = message.getRepeatedField(field, i);
                    out.addRepeatedField(field, sub == ALL ? element : sub.apply((Message) element));
                }
            } else if (message.hasField(field)) {
                Object value = message.getField(field);
                out.setField(field, sub == ALL ? value : sub.apply((Message) value));
            }
        }
        return (M) out.build();
    }
}
