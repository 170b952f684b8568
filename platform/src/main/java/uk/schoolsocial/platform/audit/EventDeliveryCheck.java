package uk.schoolsocial.platform.audit;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * The reconciliation of "no skipped events" (ARCHITECTURE 4): every index an event stream gave
 * up on (the {@link GapJournal}) must still be absent from the store it reads. An index that has
 * since been filled is an event committed after the processors passed it, so never delivered:
 * the check is DOWN, names it, and stays so until the processors are replayed and the journal row
 * removed (docs/audit.md). It also reports each processor's position and any in error.
 */
@Singleton
public class EventDeliveryCheck {

    private final DataSource own;
    private final Configuration axon;
    private final EventSources sources;

    EventDeliveryCheck(DataSource dataSource, Configuration axon, EventSources sources) {
        this.own = DelegatingDataSource.unwrapDataSource(dataSource);
        this.axon = axon;
        this.sources = sources;
    }

    public Report run() {
        List<Skipped> skipped = new ArrayList<>();
        for (Map.Entry<String, DataSource> source : sources.all().entrySet()) {
            skipped.addAll(skipped(source.getKey(), source.getValue()));
        }
        List<ProcessorStatus> processors = new ArrayList<>();
        for (EventProcessor processor : axon.eventProcessingConfiguration().eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> status = new TreeMap<>(streaming.processingStatus());
                Long position = status.values().stream()
                        .map(s -> s.getTrackingToken() == null ? null : s.getTrackingToken().position().orElse(-1))
                        .filter(java.util.Objects::nonNull).min(Long::compare).orElse(null);
                boolean error = status.values().stream().anyMatch(EventTrackerStatus::isErrorState);
                processors.add(new ProcessorStatus(processor.getName(), streaming.isRunning(), error, position));
            }
        }
        boolean healthy = skipped.isEmpty() && processors.stream().noneMatch(ProcessorStatus::inError);
        return new Report(healthy, skipped, processors);
    }

    private List<Skipped> skipped(String source, DataSource events) {
        List<Long> dropped = new ArrayList<>();
        try (Connection connection = own.getConnection();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT global_index FROM event_gap_skip WHERE source = ? ORDER BY global_index")) {
            read.setString(1, source);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    dropped.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the gap journal", e);
        }
        List<Skipped> found = new ArrayList<>();
        for (int from = 0; from < dropped.size(); from += 500) {
            List<Long> part = dropped.subList(from, Math.min(dropped.size(), from + 500));
            String in = String.join(",", part.stream().map(i -> "?").toList());
            try (Connection connection = events.getConnection();
                 PreparedStatement read = connection.prepareStatement("SELECT global_index, event_identifier,"
                         + " payload_type FROM domain_event_entry WHERE global_index IN (" + in + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    read.setLong(i + 1, part.get(i));
                }
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Skipped(source, rows.getLong(1), rows.getString(2),
                                StoredEvents.simpleName(rows.getString(3))));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the " + source + " events", e);
            }
        }
        return found;
    }

    /** The outcome: healthy when nothing was skipped and no processor is in error. */
    public record Report(boolean healthy, List<Skipped> skipped, List<ProcessorStatus> processors) {
    }

    /** A committed event that a stream of {@code source} gave up on before it was committed. */
    public record Skipped(String source, long globalIndex, String eventId, String eventType) {
    }

    /** Where a processor is: the lowest position over its segments. */
    public record ProcessorStatus(String name, boolean running, boolean inError, Long position) {
    }
}
