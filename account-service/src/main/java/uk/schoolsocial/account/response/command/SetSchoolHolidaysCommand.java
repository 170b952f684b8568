package uk.schoolsocial.account.response.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.schoolsocial.events.account.SchoolHoliday;

/**
 * ACC-8: SLT or an account administrator sets the school's holidays, all of them.
 *
 * @param expectedVersion from {@code If-Match} (checked by the calendar itself); null for whatever the current version
 */
public record SetSchoolHolidaysCommand(String schoolId, List<SchoolHoliday> holidays,
                                       Long expectedVersion) {

    /** One calendar per school; prefixed because aggregate ids are unique across aggregate types. */
    public static String calendarId(String schoolId) {
        return "calendar:" + schoolId;
    }

    @TargetAggregateIdentifier
    public String calendarId() {
        return calendarId(schoolId);
    }
}
