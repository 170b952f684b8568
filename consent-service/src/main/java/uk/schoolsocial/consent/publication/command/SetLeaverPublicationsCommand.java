package uk.schoolsocial.consent.publication.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.LeaverPublications;

/** CON-6: SLT chooses what happens, on one channel, to the publications of a pupil who leaves. */
public record SetLeaverPublicationsCommand(String schoolId, ConsentChannel channel, LeaverPublications choice,
                                           String actorId) {

    /** One set of choices per school; prefixed because aggregate ids are unique across aggregate types. */
    public static String settingsId(String schoolId) {
        return "leaver-publications:" + schoolId;
    }

    @TargetAggregateIdentifier
    public String settingsId() {
        return settingsId(schoolId);
    }
}
