package uk.schoolsocial.platform.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A service's {@link WebhookEvents} written as a list: each event type subscribers hear of, with
 * the webhook it becomes. What a service tells is its own; how an event is looked up in the list
 * is the same in every service, and lives here.
 */
public abstract class WebhookAllowList implements WebhookEvents {

    private final List<Entry<?>> entries = new ArrayList<>();

    /** Puts an event type on the list (from the subclass's constructor); the first entry that fits wins. */
    protected final <E> void on(Class<E> type, Function<? super E, WebhookEvent> webhook) {
        entries.add(new Entry<>(type, webhook));
    }

    @Override
    public final Optional<WebhookEvent> of(Object payload) {
        return entries.stream().filter(entry -> entry.type().isInstance(payload)).findFirst()
                .map(entry -> entry.webhook(payload));
    }

    @Override
    public final boolean lists(Class<?> payloadType) {
        return entries.stream().anyMatch(entry -> entry.type().isAssignableFrom(payloadType));
    }

    private record Entry<E>(Class<E> type, Function<? super E, WebhookEvent> mapping) {

        WebhookEvent webhook(Object payload) {
            return mapping.apply(type.cast(payload));
        }
    }
}
