package uk.schoolsocial.account.declaration.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import uk.schoolsocial.events.account.RelationshipApprovedEvent;
import uk.schoolsocial.events.account.RelationshipDeclaredEvent;
import uk.schoolsocial.events.account.RelationshipRefusedEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/** ACC-10: a member of staff's declared link with a pupil or parent, and the headteacher's decision on it. */
public class RelationshipDeclaration {

    private static final Set<String> RELATED_TO = Set.of("PUPIL", "PARENT");
    private static final Set<String> NATURES = Set.of("FAMILY", "FAMILY_FRIEND", "OTHER");

    @AggregateIdentifier
    private String declarationId;
    private String schoolId;
    private String staffId;
    private boolean decided;

    protected RelationshipDeclaration() {
        // for Axon
    }

    @CommandHandler
    public RelationshipDeclaration(DeclareRelationshipCommand command, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        if (command.relatedTo() == null || !RELATED_TO.contains(command.relatedTo())) {
            errors.add(new FieldError("relatedTo", "must be one of " + RELATED_TO));
        }
        if (command.personName() == null || command.personName().isBlank()) {
            errors.add(new FieldError("personName", "must not be blank"));
        }
        if (command.nature() == null || !NATURES.contains(command.nature())) {
            errors.add(new FieldError("nature", "must be one of " + NATURES));
        }
        if (!errors.isEmpty()) {
            throw new DomainException(DeclarationError.INCOMPLETE_DECLARATION,
                    "The declaration is incomplete: " + errors.stream().map(FieldError::field).toList(), errors);
        }
        apply(new RelationshipDeclaredEvent(command.declarationId().value(), command.schoolId(), command.staffId(),
                command.relatedTo(), command.personName().strip(), command.nature(),
                command.details() == null || command.details().isBlank() ? null : command.details().strip(),
                clock.instant()));
    }

    /** ACC-10: SLT decides, never the declarant, once, with a reason. */
    @CommandHandler
    public long handle(DecideRelationshipCommand command, Clock clock) {
        if (!schoolId.equals(command.schoolId())) {
            throw new DomainException(DeclarationError.NOT_FOUND, "No such declaration");
        }
        if (staffId.equals(command.actorId())) {
            throw new DomainException(DeclarationError.OWN_DECLARATION, "No one decides their own declaration");
        }
        if (decided) {
            throw new DomainException(DeclarationError.ALREADY_DECIDED, "The declaration was decided already");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new DomainException(DeclarationError.INCOMPLETE_DECLARATION, "A decision needs a reason",
                    List.of(new FieldError("reason", "must not be blank")));
        }
        String reason = command.reason().strip();
        if (command.approve()) {
            apply(new RelationshipApprovedEvent(declarationId, schoolId, command.actorId(), reason, clock.instant()));
        } else {
            apply(new RelationshipRefusedEvent(declarationId, schoolId, command.actorId(), reason, clock.instant()));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(RelationshipDeclaredEvent event) {
        declarationId = event.declarationId();
        schoolId = event.schoolId();
        staffId = event.staffId();
    }

    @EventSourcingHandler
    void on(RelationshipApprovedEvent event) {
        decided = true;
    }

    @EventSourcingHandler
    void on(RelationshipRefusedEvent event) {
        decided = true;
    }
}
