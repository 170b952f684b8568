package uk.schoolsocial.platform.axon;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A test aggregate whose events {@link NoteProjection} may refuse: a note, written and edited. */
public class NoteAggregate {

    public record WriteNoteCommand(@TargetAggregateIdentifier String id, String text) {
    }

    public record EditNoteCommand(@TargetAggregateIdentifier String id, String text) {
    }

    public record NoteWrittenEvent(String id, String text) {
    }

    public record NoteEditedEvent(String id, String text) {
    }

    @AggregateIdentifier
    private String id;

    protected NoteAggregate() {
    }

    @CommandHandler
    public NoteAggregate(WriteNoteCommand command) {
        apply(new NoteWrittenEvent(command.id(), command.text()));
    }

    @CommandHandler
    void handle(EditNoteCommand command) {
        apply(new NoteEditedEvent(id, command.text()));
    }

    @EventSourcingHandler
    void on(NoteWrittenEvent event) {
        id = event.id();
    }
}
