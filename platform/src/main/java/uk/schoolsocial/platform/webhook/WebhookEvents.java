package uk.schoolsocial.platform.webhook;

import java.util.Optional;

/**
 * A service's allow-list of events that subscribers hear of (decision 12): each service has one
 * bean that maps its events to {@link WebhookEvent}s, and any other event is not delivered.
 */
public interface WebhookEvents {

    /** The webhook for an event payload, or empty if subscribers are not told of it. */
    Optional<WebhookEvent> of(Object payload);

    /**
     * Whether events of this payload type may become webhooks: asked first, from the stored type alone,
     * so that an event nobody can hear of is never deserialised (and unsealed) for the outbox.
     */
    boolean lists(Class<?> payloadType);
}
