package uk.schoolsocial.account.response.query;

import jakarta.inject.Singleton;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.account.response.command.SchoolHolidays;
import uk.schoolsocial.events.account.SchoolHoliday;
import uk.schoolsocial.events.account.SchoolHolidaysSetEvent;

/**
 * Each school's holidays, which the response rule's due times skip (ACC-8). Runs in a subscribing
 * processor, in the transaction of the events, so a new holiday counts for the very next command.
 * Upserts, so re-applying the events gives the same rows. Who administers an account is
 * {@code AdministratorLookupProjection}'s.
 */
@Singleton
@ProcessingGroup(ResponseLookupProjection.GROUP)
public class ResponseLookupProjection implements SchoolHolidays {

    public static final String GROUP = "account-response-lookups";
    private final SchoolHolidayLookupRepository calendars;

    ResponseLookupProjection(SchoolHolidayLookupRepository calendars) {
        this.calendars = calendars;
    }

    @EventHandler
    void on(SchoolHolidaysSetEvent e, @SequenceNumber long version) {
        SchoolHolidayLookup row = new SchoolHolidayLookup(e.schoolId(), version, e.holidays().stream()
                .map(h -> new Holiday(h.firstDay(), h.lastDay(), h.name())).toList(), e.at());
        if (calendars.existsById(row.schoolId())) {
            calendars.update(row);
        } else {
            calendars.save(row);
        }
    }

    @Override
    public List<SchoolHoliday> of(String schoolId) {
        return calendars.findById(schoolId).map(row -> row.holidays().stream()
                .map(h -> new SchoolHoliday(h.firstDay(), h.lastDay(), h.name())).toList()).orElse(List.of());
    }
}
