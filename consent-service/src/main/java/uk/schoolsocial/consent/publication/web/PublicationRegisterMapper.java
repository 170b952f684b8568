package uk.schoolsocial.consent.publication.web;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.schoolsocial.consent.api.model.Publication;
import uk.schoolsocial.consent.api.model.PublicationChannel;
import uk.schoolsocial.consent.api.model.PublicationReviewStatus;
import uk.schoolsocial.consent.api.model.PublicationStatus;
import uk.schoolsocial.consent.api.model.ReviewDecision;
import uk.schoolsocial.consent.api.model.TakedownCauseOfPupil;
import uk.schoolsocial.consent.api.model.TakedownCauseOfPupilCause;
import uk.schoolsocial.consent.publication.query.PublicationPupilView;
import uk.schoolsocial.consent.publication.query.PublicationView;
import uk.schoolsocial.events.consent.TakedownCause;

/** Register read model to API model (CON-5; takedowns CON-2, CON-3, CON-6; reviews CON-6). */
final class PublicationRegisterMapper {

    private PublicationRegisterMapper() {
    }

    static List<Publication> toApi(List<PublicationView> views, List<PublicationPupilView> featured) {
        Map<String, List<PublicationPupilView>> byPublication = featured.stream()
                .collect(Collectors.groupingBy(PublicationPupilView::publicationId));
        return views.stream().map(view -> toApi(view, byPublication.getOrDefault(view.id(), List.of()))).toList();
    }

    static Publication toApi(PublicationView view, List<PublicationPupilView> featured) {
        Publication api = new Publication(UUID.fromString(view.id()), PublicationChannel.fromValue(view.channel()),
                view.link(), featured.stream().map(PublicationPupilView::pupilId).sorted().toList(), view.publishedOn(),
                view.checkId(), view.registeredBy(), view.registeredAt().atZone(ZoneOffset.UTC),
                PublicationStatus.fromValue(view.status()));
        if (view.officialAccountId() != null) {
            api.setOfficialAccountId(UUID.fromString(view.officialAccountId()));
        }
        if (view.takedownOpenedAt() != null) {
            List<PublicationPupilView> takedownFor = featured.stream().filter(row -> row.takedownOpenedAt() != null)
                    .sorted(Comparator.comparing(PublicationPupilView::pupilId)).toList();
            api.setTakedownOpenedAt(view.takedownOpenedAt().atZone(ZoneOffset.UTC));
            api.setTakedownFor(takedownFor.stream().map(PublicationPupilView::pupilId).toList());
            api.setTakedownCauses(takedownFor.stream().map(PublicationRegisterMapper::cause).toList());
        }
        if (view.takenDownAt() != null) {
            api.setTakenDownAt(view.takenDownAt().atZone(ZoneOffset.UTC));
            api.setTakenDownBy(view.takenDownBy());
        }
        if (view.reviewStatus() != null) {
            api.setReviewStatus(PublicationReviewStatus.fromValue(view.reviewStatus()));
            api.setReviewOpenedAt(view.reviewOpenedAt().atZone(ZoneOffset.UTC));
            api.setReviewFor(featured.stream().filter(row -> row.reviewOpenedAt() != null)
                    .map(PublicationPupilView::pupilId).sorted().toList());
        }
        if (view.reviewedAt() != null) {
            api.setReviewDecision(ReviewDecision.fromValue(view.reviewDecision()));
            api.setReviewedAt(view.reviewedAt().atZone(ZoneOffset.UTC));
            api.setReviewedBy(view.reviewedBy());
        }
        return api;
    }

    /** Rows stored before causes were kept were all opened by withdrawals (CON-3). */
    private static TakedownCauseOfPupil cause(PublicationPupilView row) {
        return new TakedownCauseOfPupil(row.pupilId(), TakedownCauseOfPupilCause.fromValue(
                row.takedownCause() == null ? TakedownCause.CONSENT_WITHDRAWN.name() : row.takedownCause()));
    }
}
