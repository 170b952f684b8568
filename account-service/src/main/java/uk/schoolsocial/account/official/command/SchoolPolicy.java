package uk.schoolsocial.account.official.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import uk.schoolsocial.account.shared.command.StaffDirectory;
import uk.schoolsocial.events.account.PolicyVersionPublishedEvent;
import uk.schoolsocial.events.account.StaffPolicyAcknowledgedEvent;
import uk.schoolsocial.events.account.StaffTrainingRecordedEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;

/**
 * ACC-5: the versions of a school's social media policy (version 1 is the one in force before any
 * publication), and who on the staff acknowledged them and was trained without running an account
 * yet, so that they are fit to take one over at a handover (ACC-7).
 */
public class SchoolPolicy {

    @AggregateIdentifier
    private String policyId;
    private int version = 1;
    private final Map<String, Integer> acknowledged = new HashMap<>();
    private final Set<String> trained = new HashSet<>();

    protected SchoolPolicy() {
        // for Axon
    }

    /** @return the new version number */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(PublishPolicyVersionCommand command, Clock clock) {
        if (command.summary() == null || command.summary().isBlank()) {
            throw new DomainException(AccountError.INVALID_POLICY_VERSION, "A policy version needs a summary of what changed",
                    List.of(new FieldError("summary", "must not be blank")));
        }
        apply(new PolicyVersionPublishedEvent(command.schoolId(), version + 1, command.summary().strip(), clock.instant()));
        return version;
    }

    /**
     * ACC-5: only the current version, only by the member themself and only by someone who may run an
     * account; acknowledging it again changes nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AcknowledgePolicyAsStaffCommand command, Clock clock, StaffDirectory roster) {
        if (!command.staffId().equals(command.actorId())) {
            throw new DomainException(AccountError.NOT_YOUR_ACKNOWLEDGEMENT,
                    "Members of staff acknowledge the policy for themselves only");
        }
        TransferTarget.requireCurrentStaff(command.schoolId(), command.staffId(), roster);
        if (command.policyVersion() != version) {
            throw new DomainException(AccountError.POLICY_VERSION_NOT_CURRENT, "The current policy version is " + version);
        }
        if (!Integer.valueOf(version).equals(acknowledged.get(command.staffId()))) {
            apply(new StaffPolicyAcknowledgedEvent(command.schoolId(), command.staffId(), version, clock.instant()));
        }
    }

    /** ACC-5: training is recorded once; recording it again changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordStaffTrainingCommand command, Clock clock, StaffDirectory roster) {
        TransferTarget.requireCurrentStaff(command.schoolId(), command.staffId(), roster);
        if (!trained.contains(command.staffId())) {
            apply(new StaffTrainingRecordedEvent(command.schoolId(), command.staffId(), command.recordedBy(),
                    clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(PolicyVersionPublishedEvent event) {
        policyId = PublishPolicyVersionCommand.policyId(event.schoolId());
        version = event.version();
    }

    @EventSourcingHandler
    void on(StaffPolicyAcknowledgedEvent event) {
        policyId = PublishPolicyVersionCommand.policyId(event.schoolId());
        acknowledged.put(event.staffId(), event.policyVersion());
    }

    @EventSourcingHandler
    void on(StaffTrainingRecordedEvent event) {
        policyId = PublishPolicyVersionCommand.policyId(event.schoolId());
        trained.add(event.staffId());
    }
}
