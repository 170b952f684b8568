package uk.schoolsocial.consent.consent.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import uk.schoolsocial.events.privacy.RetentionClass;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.privacy.erasure.ErasureScope;
import uk.schoolsocial.platform.privacy.erasure.ErasureSubject;
import uk.schoolsocial.platform.privacy.erasure.SubjectRef;

/**
 * What consent-service holds about a pupil (AUD-4): the roster entry (names, date of birth) and the
 * references of paper consent forms. Erasing the pupil takes them off the roster (no check lets them
 * appear again, CON-4) and out of the publication check's memory; their consents stay as ids and
 * dates. No legal hold applies here: the law keeps safeguarding records, which are incident-service's.
 * A pupil's record expires {@link RetentionClass#PUPIL_RECORD} after they left.
 */
@Singleton
public class PupilErasureScope implements ErasureScope {

    private final PupilViewRepository pupils;
    private final ChannelConsentViewRepository consents;
    private final PupilRowsListener index;

    PupilErasureScope(PupilViewRepository pupils, ChannelConsentViewRepository consents, PupilRowsListener index) {
        this.pupils = pupils;
        this.consents = consents;
        this.index = index;
    }

    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        if (subject.type() != SubjectType.PUPIL) {
            return;
        }
        pupils.erase(subject.schoolId(), subject.subjectId());
        consents.eraseFormReferences(subject.schoolId(), subject.subjectId());
        index.reloadAfterErasure();
    }

    @Override
    public List<Expiry> expiring(RetentionClass retention, Instant startedBefore) {
        if (retention != RetentionClass.PUPIL_RECORD) {
            return List.of();
        }
        // leftOn is a day: the period runs from its start
        LocalDate before = startedBefore.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        return pupils.leftBefore(before).stream()
                .map(pupil -> new Expiry(pupil.schoolId(), new SubjectRef(SubjectType.PUPIL, pupil.pupilId()),
                        pupil.leftOn().atStartOfDay().toInstant(ZoneOffset.UTC)))
                .filter(expiry -> expiry.startedAt().isBefore(startedBefore))
                .toList();
    }
}
