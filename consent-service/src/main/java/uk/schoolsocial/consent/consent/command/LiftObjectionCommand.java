package uk.schoolsocial.consent.consent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** CON-2: staff record that the pupil's objection to being photographed or filmed is lifted, and why. */
public record LiftObjectionCommand(
        @TargetAggregateIdentifier PupilConsentId pupilConsentId,
        String schoolId,
        String reason,
        String actorId,
        @TargetAggregateVersion Long expectedVersion) {
}
