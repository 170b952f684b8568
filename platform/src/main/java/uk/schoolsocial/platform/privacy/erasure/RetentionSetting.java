package uk.schoolsocial.platform.privacy.erasure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Period;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import uk.schoolsocial.events.privacy.RetentionPeriodSetEvent;

/**
 * A school's retention period for one class of records (AUD-4), one aggregate per school and class.
 * Setting the period it already has records nothing.
 */
public class RetentionSetting {

    @AggregateIdentifier
    private String settingId;
    private Period period;

    protected RetentionSetting() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetRetentionPeriodCommand command, Clock clock) {
        if (command.period().equals(period)) {
            return;
        }
        apply(new RetentionPeriodSetEvent(command.settingId(), command.schoolId(), command.retentionClass(),
                command.period(), command.actorId(), clock.instant()));
    }

    @EventSourcingHandler
    void on(RetentionPeriodSetEvent event) {
        settingId = event.settingId();
        period = event.period();
    }
}
