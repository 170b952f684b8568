package uk.schoolsocial.platform.privacy.erasure;

import java.time.Period;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.privacy.RetentionClass;

/** AUD-4: a school keeps records of one class for {@code period} instead of the suite's default. */
public record SetRetentionPeriodCommand(@TargetAggregateIdentifier String settingId, String schoolId,
                                        RetentionClass retentionClass, Period period, String actorId) {

    static String settingId(String school, RetentionClass retention) {
        return "retention:" + school + ":" + retention.name();
    }
}
