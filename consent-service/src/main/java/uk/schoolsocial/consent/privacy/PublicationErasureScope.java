package uk.schoolsocial.consent.privacy;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.TreeSet;
import uk.schoolsocial.consent.publication.query.PublicationPupilView;
import uk.schoolsocial.consent.publication.query.PublicationPupilViewRepository;
import uk.schoolsocial.events.privacy.SubjectType;
import uk.schoolsocial.platform.privacy.erasure.ErasureScope;
import uk.schoolsocial.platform.privacy.erasure.ErasureSubject;
import uk.schoolsocial.platform.privacy.erasure.SubjectRef;

/**
 * The publication register's part of an erasure (AUD-4). A publication's only free texts are the note of
 * its take-down ({@code PublicationTakenDownEvent.note}) and the reason of a leaver's review
 * ({@code PublicationReviewedEvent.reason}, CON-6), sealed under the publication (PUBLICATION):
 * they may name the pupils featured and their parents, so erasing a pupil takes the key of every
 * publication featuring them, on any channel, with theirs. Both are kept in events only: no read
 * model of the register holds them, and the pupils featured are kept by id (CON-3 still finds what a
 * withdrawal must take down), so there is nothing to clear here. Consent-service holds no legal holds of
 * its own (safeguarding records are incident-service's): the default {@code holds} is none.
 */
@Singleton
public class PublicationErasureScope implements ErasureScope {

    private final PublicationPupilViewRepository featured;

    PublicationErasureScope(PublicationPupilViewRepository featured) {
        this.featured = featured;
    }

    @Override
    public List<SubjectRef> records(ErasureSubject subject) {
        if (subject.type() != SubjectType.PUPIL) {
            return List.of();
        }
        return featured.findBySchoolIdAndPupilId(subject.schoolId(), subject.subjectId()).stream()
                .map(PublicationPupilView::publicationId)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)).stream()
                .map(id -> new SubjectRef(SubjectType.PUBLICATION, id))
                .toList();
    }

    /** Nothing: the take-down note and review reason are in events only, sealed, and go with the publication's key. */
    @Override
    public void eraseReadModels(ErasureSubject subject, List<SubjectRef> records) {
        // the register keeps ids, dates, channels and the public link of the school's own post
    }
}
