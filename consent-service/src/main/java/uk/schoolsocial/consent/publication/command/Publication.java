package uk.schoolsocial.consent.publication.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.PublicationRegisteredEvent;
import uk.schoolsocial.events.consent.PublicationReviewOpenedEvent;
import uk.schoolsocial.events.consent.PublicationReviewedEvent;
import uk.schoolsocial.events.consent.PublicationTakenDownEvent;
import uk.schoolsocial.events.consent.ReviewDecision;
import uk.schoolsocial.events.consent.TakedownCause;
import uk.schoolsocial.events.consent.TakedownOpenedEvent;
import uk.schoolsocial.platform.error.DomainException;

/**
 * A registered publication featuring pupils (CON-5) and its takedown: opened once per pupil whose consent
 * for the channel is withdrawn (CON-3), who objects (CON-2) or who leaves where the school takes leavers'
 * publications down (CON-6), and tracked until the publication is removed. Where the school reviews
 * leavers' publications instead, a leaver opens a review, decided once for the leavers it holds (CON-6).
 */
public class Publication {

    @AggregateIdentifier
    private String publicationId;
    private String schoolId;
    private ConsentChannel channel;
    private Set<String> featured;
    private final Set<String> takedownFor = new HashSet<>();
    /** Leavers whose review is open; a leaver is reviewed once. */
    private final Set<String> underReview = new TreeSet<>();
    private final Set<String> reviewed = new HashSet<>();
    private boolean removed;

    protected Publication() {
        // for Axon
    }

    /** CON-5: refused unless a check of the same content passed (CON-4). */
    @CommandHandler
    public Publication(RegisterPublicationCommand command, Clock clock) {
        if (!command.checkPassed()) {
            throw new DomainException(PublicationError.CHECK_NOT_PASSED,
                    "The publication check of this content did not pass; it cannot be registered");
        }
        apply(new PublicationRegisteredEvent(command.publicationId(), command.schoolId(), command.channel(),
                command.officialAccountId(), command.link(), List.copyOf(new TreeSet<>(command.pupilIds())),
                command.publishedOn(), command.checkId(), command.actorId(), clock.instant()));
    }

    /**
     * Idempotent, so a redelivered withdrawal, objection or leaving opens nothing twice; a removed publication
     * needs nothing.
     */
    @CommandHandler
    public long handle(OpenTakedownCommand command, Clock clock) {
        openTakedown(command.pupilId(), command.cause(), clock.instant());
        return AggregateLifecycle.getVersion();
    }

    /** CON-6: idempotent; nothing to review for a pupil whose takedown is open already or who was reviewed. */
    @CommandHandler
    public long handle(OpenReviewCommand command, Clock clock) {
        String pupil = command.pupilId();
        if (!removed && featured.contains(pupil) && !takedownFor.contains(pupil) && !underReview.contains(pupil)
                && !reviewed.contains(pupil)) {
            apply(new PublicationReviewOpenedEvent(publicationId, schoolId, pupil, channel, clock.instant()));
        }
        return AggregateLifecycle.getVersion();
    }

    /** CON-6: the open review is decided for every leaver it holds; taking down opens their takedowns. */
    @CommandHandler
    public long handle(ReviewPublicationCommand command, Clock clock) {
        requireOwnSchool(command.schoolId());
        if (underReview.isEmpty() || removed) {
            throw new DomainException(PublicationError.NO_OPEN_REVIEW, "No review is open for this publication");
        }
        List<String> pupils = List.copyOf(underReview);
        Instant now = clock.instant();
        apply(new PublicationReviewedEvent(publicationId, schoolId, pupils, command.decision(), command.actorId(),
                command.reason() == null || command.reason().isBlank() ? null : command.reason().strip(), now));
        if (command.decision() == ReviewDecision.TAKE_DOWN) {
            pupils.forEach(pupil -> openTakedown(pupil, TakedownCause.PUPIL_LEFT, now));
        }
        return AggregateLifecycle.getVersion();
    }

    /** The takedown is done when the publication is removed. */
    @CommandHandler
    public long handle(RecordTakedownCommand command, Clock clock) {
        requireOwnSchool(command.schoolId());
        if (takedownFor.isEmpty() || removed) {
            throw new DomainException(PublicationError.NO_OPEN_TAKEDOWN, "No takedown is open for this publication");
        }
        apply(new PublicationTakenDownEvent(publicationId, schoolId, command.actorId(),
                command.note() == null || command.note().isBlank() ? null : command.note().strip(), clock.instant()));
        return AggregateLifecycle.getVersion();
    }

    private void openTakedown(String pupil, TakedownCause cause, Instant at) {
        if (!removed && featured.contains(pupil) && !takedownFor.contains(pupil)) {
            apply(new TakedownOpenedEvent(publicationId, schoolId, pupil, channel, at, cause));
        }
    }

    private void requireOwnSchool(String school) {
        if (!schoolId.equals(school)) {
            throw new DomainException(PublicationError.NOT_FOUND, "No such publication");
        }
    }

    @EventSourcingHandler
    void on(PublicationRegisteredEvent event) {
        publicationId = event.publicationId();
        schoolId = event.schoolId();
        channel = event.channel();
        featured = Set.copyOf(event.pupilIds());
    }

    @EventSourcingHandler
    void on(TakedownOpenedEvent event) {
        takedownFor.add(event.pupilId());
    }

    @EventSourcingHandler
    void on(PublicationReviewOpenedEvent event) {
        underReview.add(event.pupilId());
    }

    @EventSourcingHandler
    void on(PublicationReviewedEvent event) {
        underReview.removeAll(event.pupilIds());
        reviewed.addAll(event.pupilIds());
    }

    @EventSourcingHandler
    void on(PublicationTakenDownEvent event) {
        removed = true;
    }
}
