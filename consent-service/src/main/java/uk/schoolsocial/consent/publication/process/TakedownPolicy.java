package uk.schoolsocial.consent.publication.process;

import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import uk.schoolsocial.consent.publication.command.OpenReviewCommand;
import uk.schoolsocial.consent.publication.command.OpenTakedownCommand;
import uk.schoolsocial.consent.publication.query.LeaverPublicationsSettingRepository;
import uk.schoolsocial.consent.publication.query.PublicationProjection;
import uk.schoolsocial.consent.publication.query.PublicationPupilViewRepository;
import uk.schoolsocial.consent.publication.query.PupilRestriction;
import uk.schoolsocial.consent.publication.query.PupilRestrictionRepository;
import uk.schoolsocial.consent.publication.query.WithdrawnConsent;
import uk.schoolsocial.consent.publication.query.WithdrawnConsentRepository;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.events.consent.ConsentWithdrawnEvent;
import uk.schoolsocial.events.consent.LeaverPublications;
import uk.schoolsocial.events.consent.PublicationRegisteredEvent;
import uk.schoolsocial.events.consent.PupilLeftEvent;
import uk.schoolsocial.events.consent.PupilObjectionRecordedEvent;
import uk.schoolsocial.events.consent.TakedownCause;

/**
 * What a pupil's decision, or their leaving, does to the publications already registered that feature
 * them: a withdrawal opens a takedown of those on its channel (CON-3); the pupil's objection, which covers
 * every channel, opens a takedown of all of them (CON-2); a leaver's publications get the school's choice
 * for their channel, a takedown or a review (CON-6, {@link LeaverPublicationsSettingRepository#choice}).
 *
 * <p>In the processor of {@link PublicationProjection}, whose ordered stream and tables it reads (the
 * publications featuring a pupil, the withdrawals, objections, leavers and choices seen), but apart from
 * it: the projection is rebuilt by a replay, while the takedowns and reviews were opened the first time,
 * so these handlers are not run on a replay ({@link DisallowReplay}). A process manager, so in a
 * {@code process} package: it sends commands, which a read model never does (issue 17).
 */
@Singleton
@ProcessingGroup(PublicationProjection.GROUP)
public class TakedownPolicy {

    private final PublicationPupilViewRepository featured;
    private final WithdrawnConsentRepository withdrawn;
    private final PupilRestrictionRepository restrictions;
    private final LeaverPublicationsSettingRepository leaverSettings;

    TakedownPolicy(PublicationPupilViewRepository featured, WithdrawnConsentRepository withdrawn,
                   PupilRestrictionRepository restrictions, LeaverPublicationsSettingRepository leaverSettings) {
        this.featured = featured;
        this.withdrawn = withdrawn;
        this.restrictions = restrictions;
        this.leaverSettings = leaverSettings;
    }

    /** CON-3: every registered publication featuring the pupil on that channel is to come down. */
    @EventHandler
    @DisallowReplay
    void on(ConsentWithdrawnEvent event, CommandGateway commands) {
        featured.findBySchoolIdAndPupilIdAndChannel(event.schoolId(), event.pupilId(), event.channel().name())
                .forEach(row -> commands.sendAndWait(
                        new OpenTakedownCommand(row.publicationId(), row.pupilId(), TakedownCause.CONSENT_WITHDRAWN)));
    }

    /** CON-2: the pupil's wish reaches what is already published, on every channel. */
    @EventHandler
    @DisallowReplay
    void on(PupilObjectionRecordedEvent event, CommandGateway commands) {
        featured.findBySchoolIdAndPupilId(event.schoolId(), event.pupilId())
                .forEach(row -> commands.sendAndWait(
                        new OpenTakedownCommand(row.publicationId(), row.pupilId(), TakedownCause.PUPIL_OBJECTED)));
    }

    /** CON-6: each publication featuring the leaver gets the school's choice for its channel, recorded. */
    @EventHandler
    @DisallowReplay
    void on(PupilLeftEvent event, CommandGateway commands) {
        featured.findBySchoolIdAndPupilId(event.schoolId(), event.pupilId())
                .forEach(row -> leaver(row.publicationId(), event.schoolId(), row.pupilId(),
                        ConsentChannel.valueOf(row.channel()), commands));
    }

    /**
     * Also a publication whose check passed just before a withdrawal, objection or leaving of one of its
     * pupils and that was registered just after it: that found nothing to act on yet, so it is done here.
     */
    @EventHandler
    @DisallowReplay
    void on(PublicationRegisteredEvent event, CommandGateway commands) {
        String school = event.schoolId();
        for (String pupil : event.pupilIds()) {
            if (withdrawn.existsById(WithdrawnConsent.idOf(school, pupil, event.channel().name()))) {
                commands.sendAndWait(new OpenTakedownCommand(event.publicationId(), pupil,
                        TakedownCause.CONSENT_WITHDRAWN));
            } else if (restrictions.holds(school, pupil, PupilRestriction.OBJECTED)) {
                commands.sendAndWait(new OpenTakedownCommand(event.publicationId(), pupil, TakedownCause.PUPIL_OBJECTED));
            } else if (restrictions.holds(school, pupil, PupilRestriction.LEFT)) {
                leaver(event.publicationId(), school, pupil, event.channel(), commands);
            }
        }
    }

    private void leaver(String publicationId, String schoolId, String pupilId, ConsentChannel channel,
                        CommandGateway commands) {
        if (leaverSettings.choice(schoolId, channel) == LeaverPublications.TAKE_DOWN) {
            commands.sendAndWait(new OpenTakedownCommand(publicationId, pupilId, TakedownCause.PUPIL_LEFT));
        } else {
            commands.sendAndWait(new OpenReviewCommand(publicationId, pupilId));
        }
    }
}
