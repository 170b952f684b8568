package uk.schoolsocial.consent.publication.query;

import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.consent.publication.command.OpenTakedownCommand;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.events.consent.PublicationRegisteredEvent;

/**
 * CON-3: opens a takedown for every registered publication that features a pupil whose consent on its
 * channel was withdrawn. In the processor of {@link PublicationProjection}, whose ordered stream and
 * tables it reads (the publications featuring a pupil, the withdrawals seen), but apart from it: the
 * projection is rebuilt by a replay, while the takedowns were opened the first time, so these handlers
 * are not run on a replay ({@link DisallowReplay}).
 */
@Singleton
@ProcessingGroup(PublicationProjection.GROUP)
public class TakedownPolicy {

    private final PublicationPupilViewRepository featured;
    private final WithdrawnConsentRepository withdrawn;

    TakedownPolicy(PublicationPupilViewRepository featured, WithdrawnConsentRepository withdrawn) {
        this.featured = featured;
        this.withdrawn = withdrawn;
    }

    /** Every registered publication featuring the pupil on that channel is to come down. */
    @EventHandler
    @DisallowReplay
    void on(ConsentWithdrawnEvent event, CommandGateway commands) {
        featured.findBySchoolIdAndPupilIdAndChannel(event.schoolId(), event.pupilId(), event.channel().name())
                .forEach(row -> commands.sendAndWait(
                        new OpenTakedownCommand(row.publicationId(), row.pupilId(), event.channel())));
    }

    /**
     * Also a publication whose check passed just before a withdrawal of one of its pupils and that was
     * registered just after it: the withdrawal found nothing to take down yet, so the takedown opens here.
     */
    @EventHandler
    @DisallowReplay
    void on(PublicationRegisteredEvent event, CommandGateway commands) {
        event.pupilIds().stream()
                .filter(pupil -> withdrawn.existsById(WithdrawnConsent.idOf(event.schoolId(), pupil,
                        event.channel().name())))
                .forEach(pupil -> commands.sendAndWait(
                        new OpenTakedownCommand(event.publicationId(), pupil, event.channel())));
    }
}
