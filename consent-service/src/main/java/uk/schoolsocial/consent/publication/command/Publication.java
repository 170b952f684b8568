package uk.schoolsocial.consent.publication.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import uk.schoolsocial.events.consent.PublicationRegisteredEvent;
import uk.schoolsocial.events.consent.PublicationTakenDownEvent;
import uk.schoolsocial.events.consent.TakedownOpenedEvent;
import uk.schoolsocial.platform.error.DomainException;

/**
 * A registered publication featuring pupils (CON-5) and its takedown (CON-3): opened once per pupil
 * whose consent for the channel is withdrawn, and tracked until the publication is removed.
 */
public class Publication {

    @AggregateIdentifier
    private String publicationId;
    private String schoolId;
    private Set<String> featured;
    private final Set<String> takedownFor = new HashSet<>();
    private boolean removed;

    protected Publication() {
        // for Axon
    }

    /** CON-5: refused unless a check of the same content passed (CON-4). */
    @CommandHandler
    public Publication(RegisterPublicationCommand command, Clock clock) {
        if (!command.checkPassed()) {
            throw new DomainException(PublicationError.CHECK_NOT_PASSED,
                    "The publication check of this content did not pass; it cannot be registered");
        }
        apply(new PublicationRegisteredEvent(command.publicationId(), command.schoolId(), command.channel(),
                command.officialAccountId(), command.link(), List.copyOf(new TreeSet<>(command.pupilIds())),
                command.publishedOn(), command.checkId(), command.actorId(), clock.instant()));
    }

    /** CON-3: idempotent, so a redelivered withdrawal opens nothing twice; a removed publication needs nothing. */
    @CommandHandler
    public long handle(OpenTakedownCommand command, Clock clock) {
        if (!removed && featured.contains(command.pupilId()) && !takedownFor.contains(command.pupilId())) {
            apply(new TakedownOpenedEvent(publicationId, schoolId, command.pupilId(), command.channel(),
                    clock.instant()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** CON-3: the takedown is done when the publication is removed. */
    @CommandHandler
    public long handle(RecordTakedownCommand command, Clock clock) {
        if (!schoolId.equals(command.schoolId())) {
            throw new DomainException(PublicationError.NOT_FOUND, "No such publication");
        }
        if (takedownFor.isEmpty() || removed) {
            throw new DomainException(PublicationError.NO_OPEN_TAKEDOWN, "No takedown is open for this publication");
        }
        apply(new PublicationTakenDownEvent(publicationId, schoolId, command.actorId(),
                command.note() == null || command.note().isBlank() ? null : command.note().strip(), clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(PublicationRegisteredEvent event) {
        publicationId = event.publicationId();
        schoolId = event.schoolId();
        featured = Set.copyOf(event.pupilIds());
    }

    @EventSourcingHandler
    void on(TakedownOpenedEvent event) {
        takedownFor.add(event.pupilId());
    }

    @EventSourcingHandler
    void on(PublicationTakenDownEvent event) {
        removed = true;
    }
}
