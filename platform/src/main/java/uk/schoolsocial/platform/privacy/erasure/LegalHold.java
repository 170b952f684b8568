package uk.schoolsocial.platform.privacy.erasure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import uk.schoolsocial.events.privacy.LegalHoldPlacedEvent;
import uk.schoolsocial.events.privacy.LegalHoldReleasedEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.PlatformError;

/** One legal hold on a subject (AUD-4): placed once, released once. */
public class LegalHold {

    @AggregateIdentifier
    private String holdId;
    private String schoolId;
    private boolean released;

    protected LegalHold() {
    }

    @CommandHandler
    LegalHold(LegalHoldCommands.PlaceLegalHold command, Clock clock) {
        apply(new LegalHoldPlacedEvent(command.holdId(), command.schoolId(), command.subjectType(), command.subjectId(),
                command.basis(), command.until(), command.actorId(), clock.instant()));
    }

    @CommandHandler
    void handle(LegalHoldCommands.ReleaseLegalHold command, Clock clock) {
        if (!schoolId.equals(command.schoolId())) {
            throw PlatformError.noSuchRecord();
        }
        if (released) {
            throw new DomainException(PrivacyError.HOLD_RELEASED, "The legal hold was released already");
        }
        apply(new LegalHoldReleasedEvent(holdId, schoolId, command.actorId(), clock.instant()));
    }

    @EventSourcingHandler
    void on(LegalHoldPlacedEvent event) {
        holdId = event.holdId();
        schoolId = event.schoolId();
    }

    @EventSourcingHandler
    void on(LegalHoldReleasedEvent event) {
        released = true;
    }
}
