package uk.schoolsocial.consent.consent.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CON-1: where each school's year ends, for the default end of a consent given without one. 31 August
 * unless the deployment configures a school otherwise, as entries {@code school-id=MM-dd}
 * ({@code smp.consent.academic-year-ends}). The end is decided when consent is recorded and kept in the
 * event, so changing the setting later changes no recorded consent. Also which day it is at the
 * schools ({@code smp.consent.zone}), for the rules that no consent is given, and nobody born, in
 * the future.
 */
public final class AcademicYears {

    /** The schools' time zone unless configured otherwise. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Every school's year ends on 31 August; days are London's. */
    public static final AcademicYears ENGLAND_AND_WALES = new AcademicYears(Map.of(), LONDON);
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final Map<String, MonthDay> lastDays;
    private final ZoneId zone;

    private AcademicYears(Map<String, MonthDay> lastDays, ZoneId zone) {
        this.lastDays = Map.copyOf(lastDays);
        this.zone = zone;
    }

    /** As {@link #of(List, ZoneId)} in London. */
    public static AcademicYears of(List<String> entries) {
        return of(entries, LONDON);
    }

    /**
     * @param entries {@code school-id=MM-dd}, one per school (blank ones ignored); refuses anything else, naming it
     * @param zone    the schools' time zone
     */
    public static AcademicYears of(List<String> entries, ZoneId zone) {
        Map<String, MonthDay> lastDays = new HashMap<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String school = equals < 0 ? "" : entry.substring(0, equals).strip();
            try {
                if (school.isEmpty() || lastDays.put(school, MonthDay.parse(entry.substring(equals + 1).strip(),
                        MONTH_DAY)) != null) {
                    throw new IllegalArgumentException("one school-id=MM-dd entry per school expected");
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("smp.consent.academic-year-ends: '" + entry
                        + "' is not school-id=MM-dd (as 07-31), once per school", e);
            }
        }
        return new AcademicYears(lastDays, zone);
    }

    /** The day it is at the schools. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The default end of a consent the school records on {@code day}: the next last day of its year. */
    public LocalDate endOn(String schoolId, LocalDate day) {
        return AcademicYear.endOn(day, lastDays.getOrDefault(schoolId, AcademicYear.ENGLAND_AND_WALES));
    }
}
