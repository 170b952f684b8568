package uk.schoolsocial.platform.axon;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/** A tracking processor for platform tests: remembers the id of every event it is given. */
@ProcessingGroup(DeliveredEvents.PROCESSOR)
public class DeliveredEvents {

    public static final String PROCESSOR = "delivered-events";

    private final List<String> ids = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        ids.add(message.getIdentifier());
    }

    public List<String> ids() {
        return List.copyOf(ids);
    }

    /** A payload for tests that only need some event. */
    public record Ping(String text) {
    }
}
