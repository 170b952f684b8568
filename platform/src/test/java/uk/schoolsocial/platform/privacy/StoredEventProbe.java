package uk.schoolsocial.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;

/**
 * The privacy tests' view of one event: published through the service's event store (sealed), read
 * back through it (opened), and its payload as the table holds it.
 */
final class StoredEventProbe {

    private StoredEventProbe() {
    }

    /** Publishes {@code payload} with AUD-1 metadata for {@code school}; its event id. */
    static String publish(EventStore store, Object payload, String school) {
        EventMessage<?> message = GenericEventMessage.asEventMessage(payload)
                .andMetaData(PlatformAxonContext.audit(school));
        store.publish(message);
        return message.getIdentifier();
    }

    /** The payload of event {@code eventId} as the serializer gives it (sealed fields opened). */
    static <T> T read(EventStore store, String eventId, Class<T> type) {
        return store.openStream(null).asStream()
                .filter(event -> event.getIdentifier().equals(eventId)).findFirst()
                .map(event -> type.cast(event.getPayload())).orElseThrow();
    }

    /** The payload of event {@code eventId} as stored in {@code schema}. */
    static String stored(String schema, String eventId) throws Exception {
        try (Connection connection = TestDatabase.connect(schema); PreparedStatement select = connection.prepareStatement(
                "SELECT payload FROM domain_event_entry WHERE event_identifier = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no stored event " + eventId);
                }
                return new String(row.getBytes(1), StandardCharsets.UTF_8);
            }
        }
    }
}
