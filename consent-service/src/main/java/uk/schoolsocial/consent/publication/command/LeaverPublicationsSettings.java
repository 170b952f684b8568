package uk.schoolsocial.consent.publication.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.LeaverPublications;
import uk.schoolsocial.events.consent.LeaverPublicationsSetEvent;

/**
 * CON-6: a school's choice, per channel, of what happens to the registered publications of a pupil who
 * leaves: {@link LeaverPublications#REVIEW} (also for a channel nothing was set for) or
 * {@link LeaverPublications#TAKE_DOWN}. A choice is recorded even when it is the default (SLT decided
 * it); choosing again what a channel already has records nothing.
 */
public class LeaverPublicationsSettings {

    /** CON-6: while a school has chosen nothing, someone is asked, and nothing is taken down unasked. */
    public static final LeaverPublications DEFAULT = LeaverPublications.REVIEW;

    @AggregateIdentifier
    private String settingsId;
    private final Map<ConsentChannel, LeaverPublications> choices = new EnumMap<>(ConsentChannel.class);

    protected LeaverPublicationsSettings() {
        // for Axon
    }

    /** @return the settings' version after the command, unchanged when the channel already had that choice */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SetLeaverPublicationsCommand command, Clock clock) {
        if (choices.get(command.channel()) != command.choice()) {
            apply(new LeaverPublicationsSetEvent(command.schoolId(), command.channel(), command.choice(),
                    command.actorId(), clock.instant()));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(LeaverPublicationsSetEvent event) {
        settingsId = SetLeaverPublicationsCommand.settingsId(event.schoolId());
        choices.put(event.channel(), event.choice());
    }
}
