package uk.schoolsocial.incident.takedown.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import uk.schoolsocial.events.incident.TakedownPeriodSetEvent;
import uk.schoolsocial.incident.casefile.command.StepDetails;

/**
 * INC-5: a school's periods for takedown requests, per platform: how long a platform has to act
 * before the request falls due and escalation to the helpline is suggested. A platform the school
 * set nothing for gets the suite's default (48 hours). Setting the period a platform already has
 * records nothing.
 */
public class TakedownPeriodSettings {

    /** At least an hour, at most two weeks: beyond that a takedown is no longer being tracked. */
    static final int FEWEST_HOURS = 1;
    static final int MOST_HOURS = 336;
    /** As long as an incident's platform may be (incident.yaml). */
    static final int LONGEST_PLATFORM = 100;

    @AggregateIdentifier
    private String settingsId;
    /** Platform key ({@link TakedownPeriods#key}) to hours. */
    private final Map<String, Integer> hoursByPlatform = new HashMap<>();

    protected TakedownPeriodSettings() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetTakedownPeriodCommand command, Clock clock) {
        String platform = command.platform();
        Integer hours = command.hours();
        StepDetails.of("takedown period").requireText("platform", platform)
                .check(platform == null || platform.strip().codePointCount(0, platform.strip().length())
                        <= LONGEST_PLATFORM, "platform", "must be at most " + LONGEST_PLATFORM + " characters")
                .require("hours", hours)
                .check(hours == null || hours >= FEWEST_HOURS && hours <= MOST_HOURS, "hours",
                        "must be from " + FEWEST_HOURS + " to " + MOST_HOURS + " hours")
                .orRefuse();
        if (!hours.equals(hoursByPlatform.get(TakedownPeriods.key(platform)))) {
            apply(new TakedownPeriodSetEvent(command.schoolId(), platform.strip(), hours, command.actorId(),
                    clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(TakedownPeriodSetEvent event) {
        settingsId = SetTakedownPeriodCommand.settingsId(event.schoolId());
        hoursByPlatform.put(TakedownPeriods.key(event.platform()), event.hours());
    }
}
