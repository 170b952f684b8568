package uk.schoolsocial.consent.publication.query;

import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.consent.publication.command.OpenTakedownCommand;
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.events.consent.PublicationRegisteredEvent;
import uk.schoolsocial.events.consent.PublicationTakenDownEvent;
import uk.schoolsocial.events.consent.TakedownOpenedEvent;

/**
 * Keeps the publication register (CON-5) and opens takedowns on withdrawal (CON-3). Its processor has
 * one segment, so events arrive in the order they were stored: a withdrawal finds every publication
 * registered before it. Idempotent by the publication's version; opening a takedown twice opens one.
 */
@Singleton
@ProcessingGroup(PublicationProjection.GROUP)
public class PublicationProjection {

    public static final String GROUP = "publications";
    private final PublicationViewRepository publications;
    private final PublicationPupilViewRepository featured;
    private final WithdrawnConsentRepository withdrawn;

    PublicationProjection(PublicationViewRepository publications, PublicationPupilViewRepository featured,
                          WithdrawnConsentRepository withdrawn) {
        this.publications = publications;
        this.featured = featured;
        this.withdrawn = withdrawn;
    }

    /**
     * CON-3 also for a publication whose check passed just before a withdrawal of one of its pupils
     * and that was registered just after it: this processor sees the withdrawal first, finds
     * nothing to take down yet, and so opens the takedown here.
     */
    @EventHandler
    void on(PublicationRegisteredEvent event, CommandGateway commands) {
        register(event);
        event.pupilIds().stream()
                .filter(pupil -> withdrawn.existsById(WithdrawnConsent.idOf(event.schoolId(), pupil,
                        event.channel().name())))
                .forEach(pupil -> commands.sendAndWait(
                        new OpenTakedownCommand(event.publicationId(), pupil, event.channel())));
    }

    @EventHandler
    void on(ConsentGivenEvent event) {
        withdrawn.deleteById(WithdrawnConsent.idOf(event.schoolId(), event.pupilId(), event.channel().name()));
    }

    private void register(PublicationRegisteredEvent event) {
        if (publications.existsById(event.publicationId())) {
            return;
        }
        publications.save(new PublicationView(event.publicationId(), event.schoolId(), event.channel().name(),
                event.officialAccountId(), event.link(), event.publishedOn(), event.checkId(), event.registeredBy(),
                event.registeredAt(), PublicationView.PUBLISHED, null, null, null, 0));
        featured.saveAll(event.pupilIds().stream().map(pupil -> new PublicationPupilView(
                PublicationPupilView.idOf(event.publicationId(), pupil), event.publicationId(), event.schoolId(), pupil,
                event.channel().name(), null)).toList());
    }

    /** CON-3: every registered publication featuring the pupil on that channel is to come down. */
    @EventHandler
    void on(ConsentWithdrawnEvent event, CommandGateway commands) {
        String id = WithdrawnConsent.idOf(event.schoolId(), event.pupilId(), event.channel().name());
        if (!withdrawn.existsById(id)) {
            withdrawn.save(new WithdrawnConsent(id, event.schoolId(), event.pupilId(), event.channel().name()));
        }
        featured.findBySchoolIdAndPupilIdAndChannel(event.schoolId(), event.pupilId(), event.channel().name())
                .forEach(row -> commands.sendAndWait(
                        new OpenTakedownCommand(row.publicationId(), row.pupilId(), event.channel())));
    }

    @EventHandler
    void on(TakedownOpenedEvent event, @SequenceNumber long version) {
        featured.findById(PublicationPupilView.idOf(event.publicationId(), event.pupilId()))
                .filter(row -> row.takedownOpenedAt() == null)
                .ifPresent(row -> featured.update(new PublicationPupilView(row.id(), row.publicationId(),
                        row.schoolId(), row.pupilId(), row.channel(), event.openedAt())));
        publications.findById(event.publicationId())
                .filter(view -> view.version() < version)
                .ifPresent(view -> publications.update(view.takedownOpened(event.openedAt(), version)));
    }

    @EventHandler
    void on(PublicationTakenDownEvent event, @SequenceNumber long version) {
        publications.findById(event.publicationId())
                .filter(view -> view.version() < version)
                .ifPresent(view -> publications.update(view.takenDown(event.takenDownAt(), event.takenDownBy(), version)));
    }
}
