package uk.schoolsocial.account.response.command;

import java.util.List;
import uk.schoolsocial.events.account.SchoolHoliday;

/** ACC-8: each school's holidays as last set, kept in the transaction of their events. */
public interface SchoolHolidays {

    /** The school's holidays; none until they are set. */
    List<SchoolHoliday> of(String schoolId);
}
