package uk.schoolsocial.incident.takedown.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** INC-5: SLT sets how many hours the school gives a platform to act on a takedown request. */
public record SetTakedownPeriodCommand(String schoolId, String actorId, String platform, Integer hours) {

    /** One set of periods per school; prefixed because aggregate ids are unique across aggregate types. */
    public static String settingsId(String schoolId) {
        return "takedown-periods:" + schoolId;
    }

    @TargetAggregateIdentifier
    public String settingsId() {
        return settingsId(schoolId);
    }
}
