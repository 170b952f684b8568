package uk.schoolsocial.account.application.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;
import uk.schoolsocial.platform.error.DomainException;

/** An application for an official account, from submission to decision (ACC-1, ACC-2). */
public class AccountApplication {

    @AggregateIdentifier
    private String applicationId;
    private String schoolId;
    private String applicantId;
    private boolean open;

    protected AccountApplication() {
        // for Axon
    }

    @CommandHandler
    public AccountApplication(SubmitApplicationCommand command, Clock clock) {
        BusinessCase.check(command);
        apply(new ApplicationSubmittedEvent(command.applicationId().value(), command.schoolId(), command.applicantId(), 1,
                command.platform(), command.proposedName().strip(), blankToNull(command.proposedHandle()),
                command.aim().strip(), command.audience().strip(), command.promotion().strip(),
                command.administrators().stream().map(String::strip).distinct().toList(), command.privacy(),
                command.privacyReason().strip(), clock.instant()));
    }

    /** @return the version of the application after the withdrawal */
    @CommandHandler
    public long handle(WithdrawApplicationCommand command, Clock clock) {
        requireSameSchool(command.schoolId());
        if (!applicantId.equals(command.actorId())) {
            throw new DomainException(ApplicationError.NOT_THE_APPLICANT, "Only the applicant can withdraw an application");
        }
        if (!open) {
            throw new DomainException(ApplicationError.ALREADY_CLOSED, "The application is no longer open");
        }
        apply(new ApplicationWithdrawnEvent(applicationId, schoolId, command.reason().strip(), clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ApplicationSubmittedEvent event) {
        applicationId = event.applicationId();
        schoolId = event.schoolId();
        applicantId = event.applicantId();
        open = true;
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawnEvent event) {
        open = false;
    }

    private void requireSameSchool(String callerSchool) {
        if (!schoolId.equals(callerSchool)) {
            throw new DomainException(ApplicationError.NOT_FOUND, "No such application");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
