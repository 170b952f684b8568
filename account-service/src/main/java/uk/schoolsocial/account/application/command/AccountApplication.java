package uk.schoolsocial.account.application.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import uk.schoolsocial.account.shared.command.IfMatch;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.events.account.ApplicationApprovedEvent;
import uk.schoolsocial.events.account.ApplicationRejectedEvent;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;
import uk.schoolsocial.events.account.NameClashAcceptedEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/**
 * An application for an official account, from submission to decision (ACC-1, ACC-2). A rejected
 * application is resubmitted on the same aggregate as its next revision, so its event history
 * keeps every revision and every decision. SLT, applying, may accept a surname clash of the
 * proposed name (ACC-3) for this application: it is recorded and holds for its later revisions.
 */
public class AccountApplication {

    private enum Status { SUBMITTED, WITHDRAWN, APPROVED, REJECTED }

    @AggregateIdentifier
    private String applicationId;
    private String schoolId;
    private String applicantId;
    private int revision;
    private Status status;
    /** ACC-3: the surnames SLT accepted as the school's own words in this application's names. */
    private final Set<String> acceptedWords = new HashSet<>();

    protected AccountApplication() {
        // for Axon
    }

    @CommandHandler
    public AccountApplication(SubmitApplicationCommand command, Clock clock, StaffDirectory roster) {
        ProposedCase proposal = command.proposal();
        BusinessCase.check(proposal);
        List<NameClashAcceptance> acceptances = BusinessCase.acceptances(proposal);
        BusinessCase.checkAgainstRoster(proposal, roster, Set.of(), acceptances);
        apply(submitted(command.applicationId().value(), proposal, 1, clock));
        accept(command.applicationId().value(), acceptances, proposal, clock);
    }

    /** @return the version of the application after the withdrawal */
    @CommandHandler
    public long handle(WithdrawApplicationCommand command, Clock clock, ConflictResolver conflicts) {
        requireSameSchool(command.schoolId());
        IfMatch.requireCurrent(conflicts);
        requireApplicant(command.actorId(), "Only the applicant can withdraw an application");
        requireOpen();
        apply(new ApplicationWithdrawnEvent(applicationId, schoolId, command.reason().strip(), clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    /** ACC-2: SLT approves, never the applicant. */
    @CommandHandler
    public long handle(ApproveApplicationCommand command, Clock clock, ConflictResolver conflicts) {
        String reason = checkDecision(command.schoolId(), command.actorId(), command.reason(), conflicts);
        apply(new ApplicationApprovedEvent(applicationId, schoolId, command.actorId(), reason, clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    /** ACC-2: SLT rejects, never the applicant; the reason is recorded like an approval's. */
    @CommandHandler
    public long handle(RejectApplicationCommand command, Clock clock, ConflictResolver conflicts) {
        String reason = checkDecision(command.schoolId(), command.actorId(), command.reason(), conflicts);
        apply(new ApplicationRejectedEvent(applicationId, schoolId, command.actorId(), reason, clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    /** ACC-2: a rejected application comes back as the next revision; earlier ones stay in the history. */
    @CommandHandler
    public long handle(ResubmitApplicationCommand command, Clock clock, StaffDirectory roster,
                       ConflictResolver conflicts) {
        ProposedCase proposal = command.proposal();
        requireSameSchool(proposal.schoolId());
        IfMatch.requireCurrent(conflicts);
        requireApplicant(proposal.applicantId(), "Only the applicant can resubmit an application");
        if (status != Status.REJECTED) {
            throw new DomainException(ApplicationError.NOT_REJECTED, "Only a rejected application can be resubmitted");
        }
        BusinessCase.check(proposal);
        List<NameClashAcceptance> acceptances = BusinessCase.acceptances(proposal);
        BusinessCase.checkAgainstRoster(proposal, roster, acceptedWords, acceptances);
        apply(submitted(applicationId, proposal, revision + 1, clock));
        accept(applicationId, acceptances, proposal, clock);
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ApplicationSubmittedEvent event) {
        applicationId = event.applicationId();
        schoolId = event.schoolId();
        applicantId = event.applicantId();
        revision = event.revision();
        status = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(NameClashAcceptedEvent event) {
        acceptedWords.add(event.word());
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawnEvent event) {
        status = Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ApplicationApprovedEvent event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(ApplicationRejectedEvent event) {
        status = Status.REJECTED;
    }

    /** ACC-3: each surname clash SLT accepted, recorded with its reason; it holds for every later revision. */
    private static void accept(String id, List<NameClashAcceptance> acceptances, ProposedCase by, Clock clock) {
        acceptances.forEach(acceptance -> apply(new NameClashAcceptedEvent(id, by.schoolId(),
                acceptance.word().strip(), acceptance.reason().strip(), by.applicantId(), clock.instant())));
    }

    private String checkDecision(String callerSchool, String actorId, String reason, ConflictResolver conflicts) {
        requireSameSchool(callerSchool);
        IfMatch.requireCurrent(conflicts);
        if (applicantId.equals(actorId)) {
            throw new DomainException(ApplicationError.OWN_APPLICATION, "No one decides their own application");
        }
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw new DomainException(ApplicationError.REASON_REQUIRED, "A decision needs a reason",
                    List.of(new FieldError("reason", "must not be blank")));
        }
        return reason.strip();
    }

    private static ApplicationSubmittedEvent submitted(String id, ProposedCase c, int revision, Clock clock) {
        return new ApplicationSubmittedEvent(id, c.schoolId(), c.applicantId(), revision, c.platform(),
                c.proposedName().strip(), blankToNull(c.proposedHandle()), c.aim().strip(), c.audience().strip(),
                c.promotion().strip(), c.administrators().stream().map(String::strip).distinct().toList(), c.privacy(),
                c.privacyReason().strip(), clock.instant());
    }

    private void requireOpen() {
        if (status != Status.SUBMITTED) {
            throw new DomainException(ApplicationError.ALREADY_CLOSED, "The application is no longer open");
        }
    }

    private void requireApplicant(String actorId, String message) {
        if (!applicantId.equals(actorId)) {
            throw new DomainException(ApplicationError.NOT_THE_APPLICANT, message);
        }
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
