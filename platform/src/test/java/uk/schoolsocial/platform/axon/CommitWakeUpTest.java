package uk.schoolsocial.platform.axon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Issue 13: a commit wakes only the processors that handle one of its events' types. A processor's
 * coordinator tells its stream which payload types it has no handler for (Axon's
 * skipMessagesWithPayloadTypeOf); a commit of only those leaves the stream asleep, and the next
 * commit of a type it handles wakes it. Real commands, the real event store and database; the poll for
 * other instances' events is set to an hour so that only commits wake anything.
 */
class CommitWakeUpTest {

    private EmbeddedServer server;

    @BeforeEach
    void start() {
        Map<String, Object> properties = PlatformAxonContext.notesProperties(TestDatabase.newSchema("wakeups"));
        properties.put("smp.axon.other-instances-poll", "1h");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void send(Object command) {
        server.getApplicationContext().getBean(CommandGateway.class).sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(PlatformAxonContext.audit(TestTokens.SCHOOL)));
    }

    @Test
    @DisplayName("A commit of only the types a stream skips does not wake it; a commit with a type it handles does")
    void aCommitWakesOnlyTheStreamsThatHandleOneOfItsTypes() throws Exception {
        LocalCommitNotifyingSource source = server.getApplicationContext().getBean(Configuration.class)
                .getComponent(LocalCommitNotifyingSource.class);
        AtomicInteger skipsEditsWakes = new AtomicInteger();
        AtomicInteger handlesAllWakes = new AtomicInteger();
        String note = "note-" + UUID.randomUUID();
        try (BlockingStream<TrackedEventMessage<?>> skipsEdits = source.openStream(null);
             BlockingStream<TrackedEventMessage<?>> handlesAll = source.openStream(null)) {
            skipsEdits.setOnAvailableCallback(skipsEditsWakes::incrementAndGet);
            handlesAll.setOnAvailableCallback(handlesAllWakes::incrementAndGet);
            // What a coordinator whose handlers take no NoteEditedEvent tells its stream on reading one.
            skipsEdits.skipMessagesWithPayloadTypeOf(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(0),
                    GenericEventMessage.asEventMessage(new NoteAggregate.NoteEditedEvent(note, "read and skipped"))));

            send(new NoteAggregate.WriteNoteCommand(note, "a note"));
            await().atMost(Duration.ofSeconds(5)).until(() -> handlesAllWakes.get() == 1);
            assertEquals(1, skipsEditsWakes.get(), "a commit of a type the stream handles did not wake it");

            send(new NoteAggregate.EditNoteCommand(note, "an edit only"));
            await().atMost(Duration.ofSeconds(5)).until(() -> handlesAllWakes.get() == 2);
            // The commit's listeners run one after another on the committing thread, before sendAndWait returns.
            assertEquals(1, skipsEditsWakes.get(), "a commit of only skipped types woke the stream");

            send(new NoteAggregate.WriteNoteCommand("note-" + UUID.randomUUID(), "another note"));
            await().atMost(Duration.ofSeconds(5)).until(() -> handlesAllWakes.get() == 3);
            assertEquals(2, skipsEditsWakes.get(), "the next commit of a handled type did not wake the stream");
        }
    }
}
