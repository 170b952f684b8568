package uk.schoolsocial.consent.consent.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * CON-3: withdraw a pupil's consent for one channel.
 *
 * @param withdrawnBy the adult with parental responsibility who withdraws it
 * @param onBehalf    true when staff record it for that adult; a parent withdraws only as themselves
 */
public record WithdrawConsentCommand(
        @TargetAggregateIdentifier PupilConsentId pupilConsentId,
        String schoolId,
        ConsentChannel channel,
        String withdrawnBy,
        String actorId,
        boolean onBehalf,
        @TargetAggregateVersion Long expectedVersion) {
}
