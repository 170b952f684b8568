package uk.schoolsocial.consent.publication.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * A registered publication (CON-5), where its takedown stands (CON-2, CON-3, CON-6) and the review of
 * the leavers featured in it (CON-6).
 */
@MappedEntity("publication_view")
public record PublicationView(
        @Id String id,
        String schoolId,
        String channel,
        @Nullable String officialAccountId,
        String link,
        LocalDate publishedOn,
        String checkId,
        String registeredBy,
        Instant registeredAt,
        String status,
        @Nullable Instant takedownOpenedAt,
        @Nullable Instant takenDownAt,
        @Nullable String takenDownBy,
        long version,
        @Nullable String reviewStatus,
        @Nullable Instant reviewOpenedAt,
        @Nullable Instant reviewedAt,
        @Nullable String reviewedBy,
        @Nullable String reviewDecision) implements VersionedRow {

    public static final String PUBLISHED = "PUBLISHED";
    public static final String TAKEDOWN_OPEN = "TAKEDOWN_OPEN";
    public static final String TAKEN_DOWN = "TAKEN_DOWN";
    public static final String REVIEW_OPEN = "OPEN";
    public static final String REVIEW_DONE = "DONE";

    static PublicationView registered(String id, String schoolId, String channel, String officialAccountId,
                                      String link, LocalDate publishedOn, String checkId, String registeredBy,
                                      Instant registeredAt) {
        return new PublicationView(id, schoolId, channel, officialAccountId, link, publishedOn, checkId, registeredBy,
                registeredAt, PUBLISHED, null, null, null, 0, null, null, null, null, null);
    }

    PublicationView takedownOpened(Instant at, long newVersion) {
        return new PublicationView(id, schoolId, channel, officialAccountId, link, publishedOn, checkId, registeredBy,
                registeredAt, TAKEDOWN_OPEN, takedownOpenedAt == null ? at : takedownOpenedAt, null, null, newVersion,
                reviewStatus, reviewOpenedAt, reviewedAt, reviewedBy, reviewDecision);
    }

    PublicationView takenDown(Instant at, String by, long newVersion) {
        return new PublicationView(id, schoolId, channel, officialAccountId, link, publishedOn, checkId, registeredBy,
                registeredAt, TAKEN_DOWN, takedownOpenedAt, at, by, newVersion,
                reviewStatus, reviewOpenedAt, reviewedAt, reviewedBy, reviewDecision);
    }

    /** CON-6: a leaver's review opens, or an open one takes in another leaver (it keeps its opening time). */
    PublicationView reviewOpened(Instant at, long newVersion) {
        boolean open = REVIEW_OPEN.equals(reviewStatus);
        return new PublicationView(id, schoolId, channel, officialAccountId, link, publishedOn, checkId, registeredBy,
                registeredAt, status, takedownOpenedAt, takenDownAt, takenDownBy, newVersion,
                REVIEW_OPEN, open ? reviewOpenedAt : at, open ? reviewedAt : null, open ? reviewedBy : null,
                open ? reviewDecision : null);
    }

    PublicationView reviewed(String decision, String by, Instant at, long newVersion) {
        return new PublicationView(id, schoolId, channel, officialAccountId, link, publishedOn, checkId, registeredBy,
                registeredAt, status, takedownOpenedAt, takenDownAt, takenDownBy, newVersion,
                REVIEW_DONE, reviewOpenedAt, at, by, decision);
    }
}
