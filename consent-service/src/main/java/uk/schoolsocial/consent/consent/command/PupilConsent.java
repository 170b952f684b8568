package uk.schoolsocial.consent.consent.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.platform.error.DomainException;

/**
 * The image consent of one pupil of one school, every channel (CON-1). Created by the first
 * consent recorded for the pupil: until the roster arrives (CON-6) nothing else announces a pupil.
 */
public class PupilConsent {

    @AggregateIdentifier
    private String pupilConsentId;
    private String schoolId;

    protected PupilConsent() {
        // for Axon
    }

    /** @return the version of the pupil's consent record after this consent */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordConsentCommand command, Clock clock) {
        if (schoolId != null && !schoolId.equals(command.schoolId())) {
            throw new DomainException(ConsentError.NOT_FOUND, "No such pupil");
        }
        ConsentForm.check(command);
        if (!command.onBehalf() && !command.givenBy().strip().equals(command.actorId())) {
            throw new DomainException(ConsentError.NOT_THE_GIVER, "A parent can only give consent as themselves");
        }
        apply(new ConsentGivenEvent(command.pupilConsentId().value(), command.schoolId(), command.pupilId(),
                command.channel(), command.givenBy().strip(), command.method(), blankToNull(command.formReference()),
                command.givenOn(),
                command.validUntil() != null ? command.validUntil() : AcademicYear.endOn(command.givenOn()),
                clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ConsentGivenEvent event) {
        pupilConsentId = event.pupilConsentId();
        schoolId = event.schoolId();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
