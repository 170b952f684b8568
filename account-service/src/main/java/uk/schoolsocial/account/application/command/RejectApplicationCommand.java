package uk.schoolsocial.account.application.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** ACC-2: SLT rejects a submitted application, with a reason. */
public record RejectApplicationCommand(
        @TargetAggregateIdentifier ApplicationId applicationId,
        String schoolId,
        String actorId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {
}
