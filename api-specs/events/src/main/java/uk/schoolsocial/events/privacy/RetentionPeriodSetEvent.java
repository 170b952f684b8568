package uk.schoolsocial.events.privacy;

import java.time.Instant;
import java.time.Period;
import org.axonframework.serialization.Revision;

/**
 * AUD-4 (UK GDPR Art. 5(1)(e)): the school set how long records of one retention class are kept,
 * in place of the suite's default ({@link RetentionClass#defaultPeriod()}). Expiry erases a record
 * once this period has run from the moment its class names ({@link RetentionClass#from()}).
 */
@Revision("1")
public record RetentionPeriodSetEvent(String settingId, String schoolId, RetentionClass retentionClass, Period period,
                                      String setBy, Instant setAt) {
}
