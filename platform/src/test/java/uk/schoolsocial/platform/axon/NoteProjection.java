package uk.schoolsocial.platform.axon;

import io.micronaut.transaction.SynchronousTransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * A versioned, idempotent projection like the services' ({@code note_view}: a higher version
 * replaces a row, a lower or equal one is ignored), which a test can break: it refuses the texts
 * it is told to, after writing its row, as a read model column refusing a value would; it fails
 * transiently a number of times; for a text starting "command-fails" it sends a command that
 * fails, and for one starting "echo" one that succeeds (it writes an echo note), as a policy might.
 */
@ProcessingGroup(NoteProjection.GROUP)
public class NoteProjection {

    public static final String GROUP = "notes";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NoteProjection.class);

    private final SynchronousTransactionManager<Connection> transactions;
    private final DataSource pool;
    private volatile Predicate<String> refused = text -> false;
    private final Map<String, AtomicInteger> transientFailuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();

    NoteProjection(SynchronousTransactionManager<Connection> transactions, DataSource pool) {
        this.transactions = transactions;
        this.pool = pool;
    }

    /** Refuses the notes whose text matches, until told otherwise (the "fix"). */
    public void refuse(Predicate<String> texts) {
        refused = texts;
    }

    /** Loses the connection {@code times} times when handling the note with this text. */
    public void failTransiently(String text, int times) {
        transientFailuresLeft.put(text, new AtomicInteger(times));
    }

    public int attempts(String eventId) {
        return attempts.getOrDefault(eventId, new AtomicInteger()).get();
    }

    /** How many times the handler went through for this event (a rolled-back batch would count too). */
    public int completions(String eventId) {
        return completions.getOrDefault(eventId, new AtomicInteger()).get();
    }

    @EventHandler
    void on(NoteAggregate.NoteWrittenEvent event, @SequenceNumber long version, EventMessage<?> message,
            CommandGateway commands) throws SQLException {
        write(event.id(), event.text(), version, message.getIdentifier(), commands);
    }

    @EventHandler
    void on(NoteAggregate.NoteEditedEvent event, @SequenceNumber long version, EventMessage<?> message,
            CommandGateway commands) throws SQLException {
        write(event.id(), event.text(), version, message.getIdentifier(), commands);
    }

    private void write(String id, String text, long version, String eventId, CommandGateway commands)
            throws SQLException {
        attempts.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
        LOG.info("projecting note {}", id);
        Connection connection = transactions.getConnection();
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO note_view (id, version, text)"
                + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE text = IF(VALUES(version) > version, VALUES(text), text),"
                + " version = GREATEST(version, VALUES(version))")) {
            upsert.setString(1, id);
            upsert.setLong(2, version);
            upsert.setString(3, text);
            upsert.executeUpdate();
        }
        AtomicInteger flaky = transientFailuresLeft.get(text);
        if (flaky != null && flaky.getAndDecrement() > 0) {
            throw new SQLTransientConnectionException("Communications link failure (test)", "08S01");
        }
        if (text.startsWith("command-fails")) {
            commands.sendAndWait(new NoteAggregate.EditNoteCommand("no-such-note-" + id, "never"));
        }
        if (text.startsWith("echo")) {
            commands.sendAndWait(new NoteAggregate.WriteNoteCommand(echoOf(id), "an echo"));
        }
        if (refused.test(text)) {
            // Quotes the value it refuses, as a database or a validator does (AUD-4: it must reach no log).
            throw new IllegalArgumentException("note_view refuses this text (test): '" + text + "'");
        }
        completions.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The note written by the command sent for a note whose text starts "echo". */
    public static String echoOf(String id) {
        return "echo-of-" + id;
    }

    /** The row of a note, read outside any transaction. */
    public Optional<NoteView> find(String id) {
        try (Connection connection = pool.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT version, text FROM note_view WHERE id = ?")) {
            read.setString(1, id);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(new NoteView(id, row.getLong(1), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public record NoteView(String id, long version, String text) {
    }
}
