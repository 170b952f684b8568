package uk.schoolsocial.platform.axon;

import io.micronaut.context.BeanProvider;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Reads the dead-letter queue ({@code dead_letter_entry}) for people: what is parked, where and why.
 * Names each event by type, aggregate, sequence number and position in its stream, never by its
 * payload or metadata, which may hold personal data.
 */
@Singleton
class ParkedEvents {

    private static final String COLUMNS = "processing_group, event_identifier, payload_type, aggregate_identifier,"
            + " sequence_number, token_type, token, cause_type, cause_message, enqueued_at";

    private final DataSource pool;
    private final BeanProvider<Configuration> axon;

    ParkedEvents(DataSource dataSource, BeanProvider<Configuration> axon) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.axon = axon;
    }

    /** The parked events, oldest first, at most {@code limit}, and how many each processor holds. */
    Report report(int limit) {
        List<ParkedEvent> events = new ArrayList<>();
        try (Connection connection = pool.getConnection()) {
            Map<String, Long> counts = counts(connection);
            if (counts.isEmpty()) {
                return new Report(0, counts, events);
            }
            try (PreparedStatement read = connection.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter_entry"
                    + " ORDER BY enqueued_at, processing_group, sequence_identifier, sequence_index LIMIT ?")) {
                read.setInt(1, limit);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        events.add(parked(rows));
                    }
                }
            }
            return new Report(counts.values().stream().mapToLong(Long::longValue).sum(), counts, events);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the dead-letter queue", e);
        }
    }

    /** How many events each processor holds parked; processors with none are absent. */
    Map<String, Long> countsByProcessor() {
        try (Connection connection = pool.getConnection()) {
            return counts(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the dead-letter queue", e);
        }
    }

    private static Map<String, Long> counts(Connection connection) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT processing_group, COUNT(*) FROM dead_letter_entry GROUP BY processing_group");
             ResultSet rows = count.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** The processor that parked one of these events, if any did. */
    Optional<String> processorHolding(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Optional.empty();
        }
        String in = String.join(",", eventIds.stream().map(id -> "?").toList());
        try (Connection connection = pool.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT processing_group FROM dead_letter_entry"
                     + " WHERE event_identifier IN (" + in + ") LIMIT 1")) {
            int i = 1;
            for (String id : eventIds) {
                read.setString(i++, id);
            }
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the dead-letter queue", e);
        }
    }

    private ParkedEvent parked(ResultSet row) throws SQLException {
        String payloadType = row.getString("payload_type");
        long sequenceNumber = row.getLong("sequence_number");
        boolean domain = !row.wasNull() && sequenceNumber >= 0 && row.getString("aggregate_identifier") != null;
        String causeType = row.getString("cause_type");
        String error = causeType == null ? null
                : causeType.substring(causeType.lastIndexOf('.') + 1) + ": " + row.getString("cause_message");
        return new ParkedEvent(row.getString("processing_group"), row.getString("event_identifier"),
                payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1),
                domain ? row.getString("aggregate_identifier") : null, domain ? sequenceNumber : null,
                position(row.getString("token_type"), row.getBytes("token")), error, causeType == null,
                row.getString("enqueued_at"));
    }

    private Long position(String tokenType, byte[] token) {
        if (tokenType == null || token == null) {
            return null;
        }
        try {
            TrackingToken tracking = axon.get().serializer()
                    .deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
            return tracking.position().stream().boxed().findFirst().orElse(null);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** @param total every parked event, also those beyond the limit */
    record Report(long total, Map<String, Long> byProcessor, List<ParkedEvent> events) {
    }

    /**
     * One parked event.
     *
     * @param position where it is in the stream the processor reads (the global index of its event
     *                 table), when its token says
     * @param error    why it failed (class and message), or null for an event {@code behind} an earlier
     *                 parked event of its aggregate, which was not tried so as to keep their order
     */
    record ParkedEvent(String processor, String eventId, String eventType, String aggregateId, Long sequenceNumber,
                       Long position, String error, boolean behind, String parkedAt) {
    }
}
