package uk.schoolsocial.consent.publication.web;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import uk.schoolsocial.consent.api.model.PageInfo;
import uk.schoolsocial.consent.api.model.Publication;
import uk.schoolsocial.consent.api.model.PublicationList;
import uk.schoolsocial.consent.publication.query.PublicationPupilViewRepository;
import uk.schoolsocial.consent.publication.query.PublicationView;
import uk.schoolsocial.consent.publication.query.PublicationViewRepository;
import uk.schoolsocial.platform.web.Cursor;
import uk.schoolsocial.platform.web.ReadYourWrites;

/** Publications of the register read for an answer: one after a change, or a page of a list (CON-5). */
@Singleton
class PublicationPages {

    private final PublicationViewRepository publications;
    private final PublicationPupilViewRepository featured;

    PublicationPages(PublicationViewRepository publications, PublicationPupilViewRepository featured) {
        this.publications = publications;
        this.featured = featured;
    }

    /** The publication once its read model shows {@code version} of it. */
    Publication await(String id, String schoolId, long version) {
        PublicationView view = ReadYourWrites.await(() -> publications.findByIdAndSchoolId(id, schoolId),
                PublicationView::version, version);
        return PublicationRegisterMapper.toApi(view, featured.findByPublicationIdIn(List.of(id)));
    }

    /** Rows read with one more than {@code size}; the cursor of the next page is the last row's sort key. */
    PublicationList page(List<PublicationView> rows, int size, Function<PublicationView, Instant> sortedBy) {
        PageInfo page = new PageInfo(size);
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            PublicationView last = rows.get(size - 1);
            page.setNextCursor(new Cursor(sortedBy.apply(last), last.id()).encode());
        }
        List<Publication> items = rows.isEmpty() ? List.of() : PublicationRegisterMapper.toApi(rows,
                featured.findByPublicationIdIn(rows.stream().map(PublicationView::id).toList()));
        return new PublicationList(items, page);
    }
}
