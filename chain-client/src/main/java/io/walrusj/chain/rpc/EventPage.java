package io.walrusj.chain.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A page of {@code suix_queryEvents}: {@code {"data":[...],"nextCursor":{..}|null,"hasNextPage":bool}}
 * (Sui's {@code Page<SuiEvent, EventID>}).
 *
 * <p>The full node fills {@code nextCursor} with the ID of the last event of the page, or echoes
 * the request cursor when the page is empty (crates/sui-json-rpc/src/indexer_api.rs,
 * {@code query_events}); {@code hasNextPage} is true when more events existed at query time.
 */
public record EventPage(List<SuiEvent> data, Optional<EventId> nextCursor, boolean hasNextPage) {

    public EventPage {
        data = List.copyOf(data);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    static EventPage fromJson(String method, JsonNode result) {
        JsonNode data = Json.required(method, result, "result", "data");
        if (!data.isArray()) {
            throw Json.bad(method, "result.data", "expected an array, got " + Json.describe(data));
        }
        List<SuiEvent> events = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            events.add(SuiEvent.fromJson(method, data.get(i), "result.data[" + i + "]"));
        }
        Optional<EventId> next = Json.optional(result, "nextCursor")
                .map(n -> EventId.fromJson(method, n, "result.nextCursor"));
        boolean hasNext = Json.requiredBoolean(method, result, "result", "hasNextPage");
        return new EventPage(events, next, hasNext);
    }
}
