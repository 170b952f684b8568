package uk.schoolsocial.incident;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.ZoneId;
import uk.schoolsocial.incident.casefile.command.IncidentTimings;

/**
 * Tunables of incident handling ({@code smp.incident.*}).
 *
 * @param assessWithin          INC-3: a fixed assessment target after reporting; unset for working days
 * @param assessWorkingDays     INC-3: working days to assess in (default 1)
 * @param takedownEscalateAfter INC-5: how long a platform may leave a takedown request unanswered where the
 *                              school set no period for it (default 48 hours)
 * @param zone                  the schools' time zone for working days (default Europe/London)
 */
@ConfigurationProperties("smp.incident")
record IncidentProperties(@Nullable Duration assessWithin, @Nullable Integer assessWorkingDays,
                          @Nullable Duration takedownEscalateAfter, @Nullable ZoneId zone) {

    IncidentTimings timings() {
        IncidentTimings defaults = IncidentTimings.DEFAULTS;
        return new IncidentTimings(assessWithin,
                assessWorkingDays == null ? defaults.assessWorkingDays() : assessWorkingDays,
                takedownEscalateAfter == null ? defaults.takedownEscalateAfter() : takedownEscalateAfter,
                zone == null ? defaults.zone() : zone);
    }
}
