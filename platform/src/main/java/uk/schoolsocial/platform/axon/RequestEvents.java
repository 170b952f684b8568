package uk.schoolsocial.platform.axon;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;

/**
 * The events the commands of the HTTP request being served appended, kept on the request, so that
 * {@code ReadYourWrites} can tell that the event it waits for was parked instead of applied
 * (issue 11) and answer at once rather than when its wait runs out.
 */
public final class RequestEvents {

    private static final String ATTRIBUTE = RequestEvents.class.getName();

    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final ParkedEvents parked;

    private RequestEvents(ParkedEvents parked) {
        this.parked = parked;
    }

    /** What the current request's commands appended so far, if it is a request that sent any. */
    public static Optional<RequestEvents> ofCurrentRequest() {
        return ServerRequestContext.currentRequest().flatMap(request -> request.getAttribute(ATTRIBUTE, RequestEvents.class));
    }

    /** The identifiers of the events appended so far. */
    public Set<String> eventIds() {
        return Set.copyOf(eventIds);
    }

    /** The processor that parked one of these events, if any did. */
    public Optional<String> parkedBy() {
        return parked.processorHolding(List.copyOf(eventIds));
    }

    /** Subscribed to the event store: remembers, on the request whose thread appends them, the events appended. */
    static void record(ParkedEvents parked, List<? extends EventMessage<?>> events) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        if (request.isEmpty() || events.isEmpty()) {
            return;
        }
        RequestEvents appended = request.get().getAttribute(ATTRIBUTE, RequestEvents.class).orElseGet(() -> {
            RequestEvents created = new RequestEvents(parked);
            request.get().setAttribute(ATTRIBUTE, created);
            return created;
        });
        events.forEach(event -> appended.eventIds.add(event.getIdentifier()));
    }
}
