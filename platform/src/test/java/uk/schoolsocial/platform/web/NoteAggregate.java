package uk.schoolsocial.platform.web;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;

/** A test aggregate behind {@link NotesController}: a command that a test can hold, fail or refuse. */
public class NoteAggregate {

    public record CreateNoteCommand(@TargetAggregateIdentifier String id, String text) {
    }

    public record NoteCreatedEvent(String id, String text) {
    }

    @AggregateIdentifier
    private String id;

    protected NoteAggregate() {
    }

    @CommandHandler
    public NoteAggregate(CreateNoteCommand command, NoteGate gate) {
        if (command.text().startsWith("refuse")) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The test refuses notes that ask for it");
        }
        gate.pass();
        apply(new NoteCreatedEvent(command.id(), command.text()));
    }

    @EventSourcingHandler
    void on(NoteCreatedEvent event) {
        id = event.id();
    }
}
