package uk.schoolsocial.incident.takedown.query;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.incident.TakedownPeriodSetEvent;
import uk.schoolsocial.incident.takedown.command.TakedownPeriods;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * INC-5: each school's periods for takedown requests, per platform. Runs in a subscribing
 * processor, in the transaction of the events, so a new period counts for the very next request.
 * An event at or below a row's version was applied already, so re-applying changes nothing.
 */
@Singleton
@ProcessingGroup(TakedownPeriodProjection.GROUP)
public class TakedownPeriodProjection implements TakedownPeriods {

    public static final String GROUP = "incident-takedown-periods";
    private final TakedownPeriodRepository periods;

    TakedownPeriodProjection(TakedownPeriodRepository periods) {
        this.periods = periods;
    }

    @EventHandler
    void on(TakedownPeriodSetEvent event, @SequenceNumber long version) {
        String key = TakedownPeriods.key(event.platform());
        TakedownPeriodRow row = new TakedownPeriodRow(TakedownPeriodRow.idOf(event.schoolId(), key), event.schoolId(),
                key, event.platform(), event.hours(), event.setBy(), event.setAt(), version);
        VersionedRows.upsert(periods, row.id(), row);
    }

    @Override
    public Optional<Duration> of(String schoolId, String platform) {
        return periods.findById(TakedownPeriodRow.idOf(schoolId, TakedownPeriods.key(platform)))
                .map(row -> Duration.ofHours(row.hours()));
    }
}
