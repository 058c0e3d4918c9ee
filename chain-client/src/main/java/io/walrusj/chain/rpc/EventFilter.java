package io.walrusj.chain.rpc;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code query} argument of {@code suix_queryEvents}: Sui's {@code EventFilter}
 * (crates/sui-json-rpc-types/src/sui_event.rs), an externally tagged enum. Only the forms a
 * Walrus reader needs are modelled; {@link Raw} passes anything else through.
 *
 * <p>Note the difference between {@link MoveEventModule} (the module that <em>defines</em> the
 * event struct: matches {@code type.address} and {@code type.module}) and {@link MoveModule}
 * (the module of the <em>called function</em> that emitted it: matches {@code packageId} and
 * {@code transactionModule}). Walrus emits every event from its {@code events} module but from
 * many calling modules, so followers use {@code MoveEventModule}.
 */
public sealed interface EventFilter {

    /** The JSON value sent as the first parameter of {@code suix_queryEvents}. */
    JsonNode toJson();

    /** {@code {"MoveEventModule":{"package":"0x..","module":"events"}}}. */
    record MoveEventModule(SuiAddress packageId, String module) implements EventFilter {
        public MoveEventModule {
            Objects.requireNonNull(packageId, "packageId");
            Objects.requireNonNull(module, "module");
        }

        @Override
        public JsonNode toJson() {
            ObjectNode inner = Json.NODES.objectNode();
            inner.put("package", packageId.toString());
            inner.put("module", module);
            ObjectNode n = Json.NODES.objectNode();
            n.set("MoveEventModule", inner);
            return n;
        }
    }

    /** {@code {"MoveEventType":"0x..::events::BlobCertified"}}: one struct type. */
    record MoveEventType(String structTag) implements EventFilter {
        public MoveEventType {
            Objects.requireNonNull(structTag, "structTag");
        }

        @Override
        public JsonNode toJson() {
            ObjectNode n = Json.NODES.objectNode();
            n.put("MoveEventType", structTag);
            return n;
        }
    }

    /** {@code {"MoveModule":{"package":"0x..","module":".."}}}: by emitting (called) module. */
    record MoveModule(SuiAddress packageId, String module) implements EventFilter {
        public MoveModule {
            Objects.requireNonNull(packageId, "packageId");
            Objects.requireNonNull(module, "module");
        }

        @Override
        public JsonNode toJson() {
            ObjectNode inner = Json.NODES.objectNode();
            inner.put("package", packageId.toString());
            inner.put("module", module);
            ObjectNode n = Json.NODES.objectNode();
            n.set("MoveModule", inner);
            return n;
        }
    }

    /** {@code {"Sender":"0x.."}}. */
    record Sender(SuiAddress address) implements EventFilter {
        public Sender {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public JsonNode toJson() {
            ObjectNode n = Json.NODES.objectNode();
            n.put("Sender", address.toString());
            return n;
        }
    }

    /** {@code {"Transaction":"<base58 digest>"}}: the events of one transaction. */
    record Transaction(String digest) implements EventFilter {
        public Transaction {
            Objects.requireNonNull(digest, "digest");
        }

        @Override
        public JsonNode toJson() {
            ObjectNode n = Json.NODES.objectNode();
            n.put("Transaction", digest);
            return n;
        }
    }

    /**
     * {@code {"TimeRange":{"startTime":"..","endTime":".."}}}: {@code [startTime, endTime)} in
     * milliseconds since the Unix epoch.
     */
    record TimeRange(long startTimeMs, long endTimeMs) implements EventFilter {
        @Override
        public JsonNode toJson() {
            ObjectNode inner = Json.NODES.objectNode();
            inner.put("startTime", Long.toUnsignedString(startTimeMs));
            inner.put("endTime", Long.toUnsignedString(endTimeMs));
            ObjectNode n = Json.NODES.objectNode();
            n.set("TimeRange", inner);
            return n;
        }
    }

    /** Any other filter, sent verbatim. */
    record Raw(JsonNode json) implements EventFilter {
        public Raw {
            Objects.requireNonNull(json, "json");
        }

        @Override
        public JsonNode toJson() {
            return json.deepCopy();
        }
    }
}
