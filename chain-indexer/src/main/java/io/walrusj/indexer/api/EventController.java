package io.walrusj.indexer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walrusj.indexer.store.EventRepository;
import java.time.Duration;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "events")
public class EventController {

    /** Longest long-poll wait. */
    static final long MAX_WAIT_MS = 30_000;

    private final EventRepository events;
    private final EventSignal signal;

    EventController(EventRepository events, EventSignal signal) {
        this.events = events;
        this.signal = signal;
    }

    @GetMapping(path = "/v1/events", produces = "application/json")
    @Operation(summary = "The event log after a position, oldest first; long-polls with waitMs",
            description = "Events have gap-free ids 1, 2, 3, ... in chain order. With waitMs > 0 and no event after "
                    + "'after', the request waits up to waitMs (at most 30000) and returns as soon as one is committed.")
    Views.EventsView list(
            @Parameter(description = "return events with id > after (default 0: from the start)")
            @RequestParam(defaultValue = "0") long after,
            @Parameter(description = "page size, 1..1000 (default 100)") @RequestParam(required = false) Integer limit,
            @Parameter(description = "long-poll: wait up to this many ms for a new event (0..30000)")
            @RequestParam(defaultValue = "0") long waitMs) throws InterruptedException {
        Params.nonNegative("after", after);
        int n = Params.limit(limit, 100, 1000);
        if (waitMs < 0 || waitMs > MAX_WAIT_MS) {
            throw new BadRequestException("waitMs must be between 0 and " + MAX_WAIT_MS + ", got " + waitMs);
        }
        List<Views.EventView> page = page(after, n);
        if (page.isEmpty() && waitMs > 0 && signal.awaitAfter(after, Duration.ofMillis(waitMs))) {
            page = page(after, n);
        }
        return new Views.EventsView(page, page.isEmpty() ? after : page.getLast().id());
    }

    private List<Views.EventView> page(long after, int n) {
        return events.findByIdGreaterThanOrderById(after, Limit.of(n)).stream().map(Views.EventView::of).toList();
    }
}
