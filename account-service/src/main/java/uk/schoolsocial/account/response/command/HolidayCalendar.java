package uk.schoolsocial.account.response.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import uk.schoolsocial.events.account.SchoolHoliday;
import uk.schoolsocial.events.account.SchoolHolidaysSetEvent;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;

/** ACC-8: a school's holidays, which are not working days for the response rule. Set as a whole. */
public class HolidayCalendar {

    /** A holiday longer than a year is a typo, and would make every message wait for it. */
    static final long LONGEST_DAYS = 366;

    @AggregateIdentifier
    private String calendarId;
    private List<SchoolHoliday> holidays = List.of();

    protected HolidayCalendar() {
        // for Axon
    }

    /**
     * @return the calendar's version; the same holidays again add no event. Axon checks no
     * expected version when it may create the aggregate, so {@code If-Match} is compared here.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SetSchoolHolidaysCommand command, Clock clock) {
        Long version = AggregateLifecycle.getVersion();
        if (command.expectedVersion() != null && !command.expectedVersion().equals(version)) {
            throw new DomainException(PlatformError.VERSION_MISMATCH,
                    "The holidays have changed since the version given in If-Match; read them again");
        }
        List<SchoolHoliday> wanted = checked(command.holidays());
        if (calendarId == null || !wanted.equals(holidays)) {
            apply(new SchoolHolidaysSetEvent(command.schoolId(), wanted, clock.instant()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** Every holiday complete and in order, names stripped, sorted by first day; or every fault named. */
    private static List<SchoolHoliday> checked(List<SchoolHoliday> given) {
        if (given == null) {
            throw new DomainException(ResponseError.INVALID_HOLIDAYS, "The holidays must be given",
                    List.of(new FieldError("holidays", "must be given")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            SchoolHoliday holiday = given.get(i);
            String at = "holidays[" + i + "].";
            if (holiday == null || holiday.firstDay() == null || holiday.lastDay() == null) {
                errors.add(new FieldError(at + "firstDay", "first and last day must be given"));
            } else if (holiday.lastDay().isBefore(holiday.firstDay())) {
                errors.add(new FieldError(at + "lastDay", "must not be before the first day"));
            } else if (ChronoUnit.DAYS.between(holiday.firstDay(), holiday.lastDay()) >= LONGEST_DAYS) {
                errors.add(new FieldError(at + "lastDay", "a holiday lasts at most a year"));
            }
            if (holiday == null || holiday.name() == null || holiday.name().isBlank()) {
                errors.add(new FieldError(at + "name", "must not be blank"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(ResponseError.INVALID_HOLIDAYS,
                    "Invalid holidays: " + errors.stream().map(FieldError::field).toList(), errors);
        }
        return given.stream()
                .map(h -> new SchoolHoliday(h.firstDay(), h.lastDay(), h.name().strip()))
                .sorted(Comparator.comparing(SchoolHoliday::firstDay).thenComparing(SchoolHoliday::lastDay)
                        .thenComparing(SchoolHoliday::name))
                .toList();
    }

    @EventSourcingHandler
    void on(SchoolHolidaysSetEvent event) {
        calendarId = SetSchoolHolidaysCommand.calendarId(event.schoolId());
        holidays = event.holidays();
    }
}
