package uk.schoolsocial.account.privacy.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import uk.schoolsocial.account.shared.command.IfMatch;
import uk.schoolsocial.events.account.SubjectAccessExtendedEvent;
import uk.schoolsocial.events.account.SubjectAccessFulfilledEvent;
import uk.schoolsocial.events.account.SubjectAccessRequestedEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/**
 * AUD-4 (UK GDPR Art. 15 and 12(3)): one subject access request from a pupil, a parent or a member
 * of staff, due one calendar month after receipt, extended at most once by one or two months with a
 * reason, and fulfilled once. Dates are the school's calendar days ({@link SubjectAccessRule}).
 */
public class SubjectAccessRequest {

    @AggregateIdentifier
    private String requestId;
    private String schoolId;
    private LocalDate receivedOn;
    private boolean extended;
    private boolean fulfilled;

    protected SubjectAccessRequest() {
        // for Axon
    }

    @CommandHandler
    public SubjectAccessRequest(RegisterSubjectAccessRequestCommand command, Clock clock, SubjectAccessRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (command.subjectType() == null) {
            errors.add(new FieldError("subjectType", "must be given"));
        }
        if (command.subjectId() == null || command.subjectId().isBlank()) {
            errors.add(new FieldError("subjectId", "must not be blank"));
        }
        if (command.receivedOn() == null || command.receivedOn().isAfter(rule.today(clock))) {
            errors.add(new FieldError("receivedOn", "must be given and not in the future"));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(SubjectAccessError.INVALID_SUBJECT_ACCESS_REQUEST,
                    "The request is incomplete: " + errors.stream().map(FieldError::field).toList(), errors);
        }
        String requestedBy = command.requestedBy() == null || command.requestedBy().isBlank() ? null
                : command.requestedBy().strip();
        apply(new SubjectAccessRequestedEvent(command.requestId().value(), command.schoolId(), command.subjectType(),
                command.subjectId().strip(), command.receivedOn(), requestedBy,
                SubjectAccessRule.dueOn(command.receivedOn(), 0), command.actorId(), clock.instant()));
    }

    /** AUD-4: once, before it is fulfilled, by one or two months, never past three months after receipt. */
    @CommandHandler
    public long handle(ExtendSubjectAccessRequestCommand command, Clock clock, ConflictResolver conflicts) {
        requireOwnSchool(command.schoolId());
        IfMatch.requireCurrent(conflicts);
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DomainException(SubjectAccessError.INVALID_SUBJECT_ACCESS_REQUEST, "An extension needs a reason",
                    List.of(new FieldError("reason", "must not be blank")));
        }
        if (fulfilled) {
            throw new DomainException(SubjectAccessError.ALREADY_FULFILLED,
                    "The request was fulfilled already; there is nothing left to extend");
        }
        if (extended) {
            throw new DomainException(SubjectAccessError.ALREADY_EXTENDED, "The time to answer was extended already");
        }
        if (command.months() < 1 || command.months() > SubjectAccessRule.MAX_EXTENSION_MONTHS) {
            throw new DomainException(SubjectAccessError.EXTENSION_TOO_LONG,
                    "An extension is one or two months, three months after receipt in all");
        }
        apply(new SubjectAccessExtendedEvent(requestId, schoolId, command.months(), command.reason().strip(),
                SubjectAccessRule.dueOn(receivedOn, command.months()), command.actorId(), clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    /** AUD-4: once, on a day from receipt to today. */
    @CommandHandler
    public long handle(FulfilSubjectAccessRequestCommand command, Clock clock, SubjectAccessRule rule,
                       ConflictResolver conflicts) {
        requireOwnSchool(command.schoolId());
        IfMatch.requireCurrent(conflicts);
        if (fulfilled) {
            throw new DomainException(SubjectAccessError.ALREADY_FULFILLED, "The request was fulfilled already");
        }
        LocalDate on = command.fulfilledOn();
        if (on == null || on.isBefore(receivedOn) || on.isAfter(rule.today(clock))) {
            throw new DomainException(SubjectAccessError.INVALID_SUBJECT_ACCESS_REQUEST,
                    "A request is fulfilled between its receipt and today",
                    List.of(new FieldError("fulfilledOn", "must be from " + receivedOn + " to today")));
        }
        apply(new SubjectAccessFulfilledEvent(requestId, schoolId, on, command.actorId(), clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    private void requireOwnSchool(String callerSchool) {
        if (!schoolId.equals(callerSchool)) {
            throw new DomainException(SubjectAccessError.NOT_FOUND, "No such subject access request");
        }
    }

    @EventSourcingHandler
    void on(SubjectAccessRequestedEvent event) {
        requestId = event.requestId();
        schoolId = event.schoolId();
        receivedOn = event.receivedOn();
    }

    @EventSourcingHandler
    void on(SubjectAccessExtendedEvent event) {
        extended = true;
    }

    @EventSourcingHandler
    void on(SubjectAccessFulfilledEvent event) {
        fulfilled = true;
    }
}
