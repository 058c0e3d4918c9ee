package io.walrusj.chain.devnet;

import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.SuiEvent;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * An executed devnet transaction: the {@code devnet_executeTransaction} result,
 *
 * <pre>{@code
 * {"digest":"<base58>","checkpoint":"12","timestampMs":"1700000000000",
 *  "effects":{"status":{"status":"success"}},
 *  "events":[<SuiEvent>...],
 *  "objectChanges":[{"type":"created","objectId":"0x..","objectType":"0x..::blob::Blob",
 *                    "version":"13","digest":"<base58>"}...]}
 * }</pre>
 *
 * @param digest the transaction digest, Base58 ({@link DevnetTransaction#digest})
 * @param checkpoint the checkpoint that contains the transaction (one per transaction on the devnet)
 * @param timestampMs the transaction's timestamp, if given
 * @param events the events in emission order, shaped as {@code suix_queryEvents} returns them
 * @param objectChanges every object the transaction created, mutated or deleted
 */
public record Executed(String digest, long checkpoint, OptionalLong timestampMs, List<SuiEvent> events,
        List<ObjectChange> objectChanges) {

    public Executed {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(timestampMs, "timestampMs");
        events = List.copyOf(events);
        objectChanges = List.copyOf(objectChanges);
    }

    /**
     * One entry of {@code objectChanges}.
     *
     * @param type {@code created}, {@code mutated}, {@code deleted} or {@code wrapped} (an object
     *     wrapped into another, e.g. a {@code Storage} inside a {@code Blob}); Sui also knows
     *     {@code transferred} and {@code published}
     * @param objectType the full Move type, e.g. {@code 0x..::storage_resource::Storage}
     * @param version the object's version after the transaction
     * @param digest the object digest, Base58
     */
    public record ObjectChange(String type, SuiAddress objectId, String objectType, long version, String digest) {
        public ObjectChange {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(objectId, "objectId");
            Objects.requireNonNull(objectType, "objectType");
            Objects.requireNonNull(digest, "digest");
        }

        public boolean isCreated() {
            return "created".equals(type);
        }

        public boolean isMutated() {
            return "mutated".equals(type);
        }

        public boolean isDeleted() {
            return "deleted".equals(type);
        }
    }

    /** The objects this transaction created whose type ends with {@code typeSuffix} (e.g. {@code "::blob::Blob"}). */
    public List<SuiAddress> created(String typeSuffix) {
        return objectChanges.stream().filter(c -> c.isCreated() && c.objectType().endsWith(typeSuffix))
                .map(ObjectChange::objectId).toList();
    }

    /** The one object created with a type ending in {@code typeSuffix}; fails if there is not exactly one. */
    public SuiAddress createdOne(String typeSuffix) {
        List<SuiAddress> ids = created(typeSuffix);
        if (ids.size() != 1) {
            throw new IllegalStateException("expected one created *" + typeSuffix + " in " + digest + ", found "
                    + ids.size());
        }
        return ids.getFirst();
    }

    /** The events whose type ends with {@code typeSuffix} (e.g. {@code "::events::BlobRegistered"}). */
    public List<SuiEvent> events(String typeSuffix) {
        return events.stream().filter(e -> e.type().endsWith(typeSuffix)).toList();
    }

    static Executed fromJson(String method, JsonNode result) {
        String p = "result";
        String digest = Json.requiredString(method, result, p, "digest");
        long checkpoint = Json.u64(method, Json.required(method, result, p, "checkpoint"), p + ".checkpoint");
        OptionalLong timestamp = Json.optionalU64(method, result, p, "timestampMs");
        JsonNode eventsNode = array(method, result, p, "events");
        List<SuiEvent> events = new ArrayList<>(eventsNode.size());
        for (int i = 0; i < eventsNode.size(); i++) {
            events.add(SuiEvent.fromJson(method, eventsNode.get(i), p + ".events[" + i + "]"));
        }
        JsonNode changesNode = array(method, result, p, "objectChanges");
        List<ObjectChange> changes = new ArrayList<>(changesNode.size());
        for (int i = 0; i < changesNode.size(); i++) {
            JsonNode c = changesNode.get(i);
            String cp = p + ".objectChanges[" + i + "]";
            changes.add(new ObjectChange(
                    Json.requiredString(method, c, cp, "type"),
                    Json.objectId(method, Json.required(method, c, cp, "objectId"), cp + ".objectId"),
                    Json.requiredString(method, c, cp, "objectType"),
                    Json.u64(method, Json.required(method, c, cp, "version"), cp + ".version"),
                    Json.requiredString(method, c, cp, "digest")));
        }
        return new Executed(digest, checkpoint, timestamp, events, changes);
    }

    private static JsonNode array(String method, JsonNode parent, String path, String name) {
        JsonNode node = Json.required(method, parent, path, name);
        if (!node.isArray()) {
            throw Json.bad(method, path + "." + name, "expected an array, got " + Json.describe(node));
        }
        return node;
    }
}
