package uk.schoolsocial.platform.privacy.erasure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import uk.schoolsocial.events.privacy.SubjectErasedEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/**
 * One erasure of a data subject from one service (AUD-4, UK GDPR Art. 17). Decided once: refused
 * while any hold keeps a record about the subject, otherwise recorded as {@link SubjectErasedEvent},
 * in whose transaction the keys are destroyed and the read models cleared
 * ({@link ErasureProjection}). Erasing a subject again is a new erasure and harmless.
 */
public class SubjectErasure {

    /** Holds end on the school's calendar days; the suite's schools are in the UK. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    @AggregateIdentifier
    private String erasureId;

    protected SubjectErasure() {
    }

    @CommandHandler
    public SubjectErasure(EraseSubjectCommand command, ErasureScopes scopes, Clock clock) {
        ErasureSubject subject = command.subject();
        List<ErasureHold> holds = scopes.holds(subject, LocalDate.now(clock.withZone(SCHOOL_ZONE)));
        if (!holds.isEmpty()) {
            throw new DomainException(PrivacyError.ERASURE_HELD, "Nothing was erased: a hold keeps a record about "
                    + subject.type() + " " + subject.subjectId() + ": " + holds.get(0).describe()
                    + (holds.size() > 1 ? " (and " + (holds.size() - 1) + " more)" : ""),
                    holds.stream().map(hold -> new FieldError("subjectId", hold.describe())).toList());
        }
        List<String> records = scopes.records(subject).stream().map(SubjectRef::toString).toList();
        apply(new SubjectErasedEvent(command.erasureId(), command.schoolId(), command.subjectType(),
                command.subjectId(), command.ground(), records, command.actorId(), clock.instant()));
    }

    @EventSourcingHandler
    void on(SubjectErasedEvent event) {
        erasureId = event.erasureId();
    }
}
