package uk.schoolsocial.account.official.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import uk.schoolsocial.events.account.PolicyVersionPublishedEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/** ACC-5: the versions of a school's social media policy; version 1 is the one in force before any publication. */
public class SchoolPolicy {

    @AggregateIdentifier
    private String policyId;
    private int version = 1;

    protected SchoolPolicy() {
        // for Axon
    }

    /** @return the new version number */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(PublishPolicyVersionCommand command, Clock clock) {
        if (command.summary() == null || command.summary().isBlank()) {
            throw new DomainException(AccountError.INVALID_POLICY_VERSION, "A policy version needs a summary of what changed",
                    java.util.List.of(new FieldError("summary", "must not be blank")));
        }
        apply(new PolicyVersionPublishedEvent(command.schoolId(), version + 1, command.summary().strip(), clock.instant()));
        return version;
    }

    @EventSourcingHandler
    void on(PolicyVersionPublishedEvent event) {
        policyId = PublishPolicyVersionCommand.policyId(event.schoolId());
        version = event.version();
    }
}
