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
import uk.schoolsocial.platform.web.KeysetPage;
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

    /** A page of the register as {@code query} reads it; the cursor is the last row's {@code sortedBy} and id. */
    PublicationList page(String cursor, Integer limit, KeysetPage.Query<PublicationView> query,
                         Function<PublicationView, Instant> sortedBy) {
        KeysetPage<PublicationView> page = KeysetPage.read(cursor, limit, query,
                last -> new Cursor(sortedBy.apply(last), last.id()));
        List<PublicationView> rows = page.items();
        List<Publication> items = rows.isEmpty() ? List.of() : PublicationRegisterMapper.toApi(rows,
                featured.findByPublicationIdIn(rows.stream().map(PublicationView::id).toList()));
        return new PublicationList(items, new PageInfo(page.limit()).nextCursor(page.nextCursor()));
    }
}
