package uk.schoolsocial.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes down every global index an event stream stops waiting for. Between two consecutive
 * tracking tokens of a stream, an index that was pending (a gap, or skipped over) and is neither
 * delivered nor still a gap has been given up on. Normally that is a rolled-back insert and no row
 * ever has that index; if one does, a committed event was skipped (AxonFramework issue 4829), and
 * {@link EventDeliveryCheck} says so.
 */
public final class GapJournal {

    private static final Logger LOG = LoggerFactory.getLogger(GapJournal.class);
    /** Axon tracks at most this many gaps behind a token; a wider jump is journalled only this far. */
    private static final long MAX_TRACKED = 10_000;

    private final DataSource journal;
    private final DataSource events;
    private final String source;

    /**
     * @param journal the service's own database, where the journal is kept
     * @param events  the database holding the events the stream reads
     * @param source  whose events the stream reads: {@code own} or the upstream service's name
     */
    public GapJournal(DataSource journal, DataSource events, String source) {
        this.journal = journal;
        this.events = events;
        this.source = source;
    }

    void observe(TrackingToken lastToken, List<? extends TrackedEventData<?>> batch) {
        long index = lastToken instanceof GapAwareTrackingToken gap ? gap.getIndex() : -1;
        SortedSet<Long> pending = lastToken instanceof GapAwareTrackingToken gap ? gap.getGaps() : new TreeSet<>();
        SortedSet<Long> dropped = new TreeSet<>();
        for (TrackedEventData<?> event : batch) {
            if (!(event.trackingToken() instanceof GapAwareTrackingToken next)) {
                continue;
            }
            SortedSet<Long> expected = new TreeSet<>(pending);
            if (next.getIndex() > index) {
                // A new event: every index it jumped over is now a gap, or given up on.
                for (long i = Math.max(index + 1, next.getIndex() - MAX_TRACKED); i < next.getIndex(); i++) {
                    expected.add(i);
                }
                expected.removeAll(next.getGaps());
            } else {
                // A late event filling a gap: the token keeps its index and loses that gap.
                expected.removeAll(next.getGaps());
                if (expected.size() > 1) {
                    globalIndexOf(event.getEventIdentifier()).ifPresent(expected::remove);
                } else {
                    expected.clear();
                }
            }
            dropped.addAll(expected);
            index = Math.max(index, next.getIndex());
            pending = next.getGaps();
        }
        if (!dropped.isEmpty()) {
            record(dropped);
        }
    }

    private Optional<Long> globalIndexOf(String eventIdentifier) {
        try (Connection connection = events.getConnection();
             PreparedStatement read = connection.prepareStatement(
                     "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")) {
            read.setString(1, eventIdentifier);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            LOG.error("Could not read the global index of event {}", eventIdentifier, e);
            return Optional.empty();
        }
    }

    private void record(SortedSet<Long> dropped) {
        try (Connection connection = journal.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT IGNORE INTO event_gap_skip (source, global_index) VALUES (?, ?)")) {
            connection.setAutoCommit(true);
            for (Long index : dropped) {
                insert.setString(1, source);
                insert.setLong(2, index);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            // The journal is a check, not a part of delivery: log and let the stream go on.
            LOG.error("Could not journal the gaps {} of the {} event stream", dropped, source, e);
        }
    }
}
