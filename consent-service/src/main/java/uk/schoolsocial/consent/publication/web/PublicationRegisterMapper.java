package uk.schoolsocial.consent.publication.web;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.schoolsocial.consent.api.model.Publication;
import uk.schoolsocial.consent.api.model.PublicationChannel;
import uk.schoolsocial.consent.api.model.PublicationStatus;
import uk.schoolsocial.consent.publication.query.PublicationPupilView;
import uk.schoolsocial.consent.publication.query.PublicationView;

/** Register read model to API model (CON-5, CON-3). */
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
            api.setTakedownOpenedAt(view.takedownOpenedAt().atZone(ZoneOffset.UTC));
            api.setTakedownFor(featured.stream().filter(row -> row.takedownOpenedAt() != null)
                    .map(PublicationPupilView::pupilId).sorted().toList());
        }
        if (view.takenDownAt() != null) {
            api.setTakenDownAt(view.takenDownAt().atZone(ZoneOffset.UTC));
            api.setTakenDownBy(view.takenDownBy());
        }
        return api;
    }
}
