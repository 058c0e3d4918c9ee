package io.walrusj.devnet.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code google.protobuf.FieldMask} over one message type, as Sui reads them: paths are
 * field names joined by dots, may go through repeated message fields ({@code transactions.events.events.contents}),
 * and a path naming a whole message keeps all of it. An unknown path is {@code INVALID_ARGUMENT}.
 * {@link #apply} copies only the masked fields of a fully built message.
 */
final class ReadMask {
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

    /** The sub-mask of {@code field}; a whole-field entry keeps everything below it. */
    ReadMask child(String field) {
        ReadMask c = children.get(field);
        return c == null || c.whole ? ALL : c;
    }

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
