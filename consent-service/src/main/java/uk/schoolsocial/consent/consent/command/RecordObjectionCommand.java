package uk.schoolsocial.consent.consent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** CON-2: staff record that a pupil objects to being photographed or filmed. */
public record RecordObjectionCommand(
        @TargetAggregateIdentifier PupilConsentId pupilConsentId,
        String schoolId,
        String reason,
        String actorId,
        @TargetAggregateVersion Long expectedVersion) {
}
