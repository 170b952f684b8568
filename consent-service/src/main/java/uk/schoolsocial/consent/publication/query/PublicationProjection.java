package uk.schoolsocial.consent.publication.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import uk.schoolsocial.events.consent.ConsentGivenEvent;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.events.consent.PublicationRegisteredEvent;
import uk.schoolsocial.events.consent.PublicationReviewOpenedEvent;
import uk.schoolsocial.events.consent.PublicationReviewedEvent;
import uk.schoolsocial.events.consent.PublicationTakenDownEvent;
import uk.schoolsocial.events.consent.TakedownCause;
import uk.schoolsocial.events.consent.TakedownOpenedEvent;
import uk.schoolsocial.platform.query.VersionedRows;

/**
 * Keeps the publication register (CON-5) with its takedowns (CON-2, CON-3, CON-6) and leavers' reviews
 * (CON-6), and the withdrawals seen, which {@link TakedownPolicy} reads to open takedowns (CON-3). Its
 * processor has one segment, so events arrive in the order they were stored: a withdrawal finds every
 * publication registered before it. Idempotent by the publication's version, so a replay rebuilds it.
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

    @EventHandler
    void on(PublicationRegisteredEvent event) {
        VersionedRows.insertOnce(publications, event.publicationId(), () -> PublicationView.registered(
                event.publicationId(), event.schoolId(), event.channel().name(), event.officialAccountId(), event.link(),
                event.publishedOn(), event.checkId(), event.registeredBy(), event.registeredAt()))
                .ifPresent(registered -> featured.saveAll(event.pupilIds().stream().map(pupil -> new PublicationPupilView(
                        PublicationPupilView.idOf(event.publicationId(), pupil), event.publicationId(), event.schoolId(),
                        pupil, event.channel().name(), null, null, null)).toList()));
    }

    @EventHandler
    void on(ConsentGivenEvent event) {
        withdrawn.deleteById(WithdrawnConsent.idOf(event.schoolId(), event.pupilId(), event.channel().name()));
    }

    /** CON-3: the withdrawal is remembered, for a publication registered after it. */
    @EventHandler
    void on(ConsentWithdrawnEvent event) {
        String id = WithdrawnConsent.idOf(event.schoolId(), event.pupilId(), event.channel().name());
        VersionedRows.insertOnce(withdrawn, id,
                () -> new WithdrawnConsent(id, event.schoolId(), event.pupilId(), event.channel().name()));
    }

    /** A takedown because of one pupil; events stored before causes were recorded were all withdrawals. */
    @EventHandler
    void on(TakedownOpenedEvent event, @SequenceNumber long version) {
        TakedownCause cause = event.cause() == null ? TakedownCause.CONSENT_WITHDRAWN : event.cause();
        featured.findById(PublicationPupilView.idOf(event.publicationId(), event.pupilId()))
                .filter(row -> row.takedownOpenedAt() == null)
                .ifPresent(row -> featured.update(row.takedownOpened(event.openedAt(), cause.name())));
        VersionedRows.update(publications, event.publicationId(), version,
                view -> view.takedownOpened(event.openedAt(), version));
    }

    /** CON-6: a leaver featured in it opened its review. */
    @EventHandler
    void on(PublicationReviewOpenedEvent event, @SequenceNumber long version) {
        featured.findById(PublicationPupilView.idOf(event.publicationId(), event.pupilId()))
                .filter(row -> row.reviewOpenedAt() == null)
                .ifPresent(row -> featured.update(row.reviewOpened(event.openedAt())));
        VersionedRows.update(publications, event.publicationId(), version,
                view -> view.reviewOpened(event.openedAt(), version));
    }

    @EventHandler
    void on(PublicationReviewedEvent event, @SequenceNumber long version) {
        VersionedRows.update(publications, event.publicationId(), version,
                view -> view.reviewed(event.decision().name(), event.reviewedBy(), event.reviewedAt(), version));
    }

    @EventHandler
    void on(PublicationTakenDownEvent event, @SequenceNumber long version) {
        VersionedRows.update(publications, event.publicationId(), version,
                view -> view.takenDown(event.takenDownAt(), event.takenDownBy(), version));
    }
}
