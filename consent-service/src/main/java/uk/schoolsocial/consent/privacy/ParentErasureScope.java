package uk.schoolsocial.consent.privacy;

import jakarta.inject.Singleton;
import java.util.List;
import uk.schoolsocial.consent.consent.query.ChannelConsentViewRepository;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.privacy.erasure.ErasureScope;
import uk.schoolsocial.platform.privacy.erasure.ErasureSubject;
import uk.schoolsocial.platform.privacy.erasure.SubjectRef;

/**
 * What consent-service holds about an adult with parental responsibility (AUD-4): their id on the
 * consents they gave or withdrew and on the pupils they are linked to (pseudonyms the audit trail keeps,
 * CON-1 needs the links), and the reference of each paper form they signed, which may carry their
 * name. Erasing them clears those references from {@code channel_consent_view}.
 *
 * <p>Not erased by this: the same reference in the {@code ConsentGivenEvent}, sealed under the pupil's
 * key ({@code sealedUnder = PUPIL}), stays readable through the consent history and the audit API until
 * the pupil is erased; the event's classification would have to change (api-specs) for an adult's
 * erasure to reach it.
 */
@Singleton
public class ParentErasureScope implements ErasureScope {

    private final ChannelConsentViewRepository consents;

    ParentErasureScope(ChannelConsentViewRepository consents) {
        this.consents = consents;
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        if (subject.type() == SubjectType.PARENT) {
            consents.eraseFormReferencesGivenBy(subject.schoolId(), subject.subjectId());
        }
    }
}
