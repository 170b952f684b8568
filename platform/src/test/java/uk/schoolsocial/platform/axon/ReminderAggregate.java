package uk.schoolsocial.platform.axon;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A test aggregate that schedules a deadline, to prove deadlines are persistent. */
public class ReminderAggregate {

    public record ScheduleReminderCommand(@TargetAggregateIdentifier String id, long delayMillis) {
    }

    public record ReminderScheduledEvent(String id) {
    }

    public record ReminderFiredEvent(String id) {
    }

    @AggregateIdentifier
    private String id;

    protected ReminderAggregate() {
    }

    @CommandHandler
    public ReminderAggregate(ScheduleReminderCommand command, DeadlineManager deadlines) {
        apply(new ReminderScheduledEvent(command.id()));
        deadlines.schedule(Duration.ofMillis(command.delayMillis()), "reminder");
    }

    @DeadlineHandler(deadlineName = "reminder")
    void fire() {
        apply(new ReminderFiredEvent(id));
    }

    @EventSourcingHandler
    void on(ReminderScheduledEvent event) {
        id = event.id();
    }
}
