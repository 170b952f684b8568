package uk.schoolsocial.consent.publication.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** A registered publication (CON-5) and where its takedown stands (CON-3). */
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
        long version) {

    public static final String PUBLISHED = "PUBLISHED";
    public static final String TAKEDOWN_OPEN = "TAKEDOWN_OPEN";
    public static final String TAKEN_DOWN = "TAKEN_DOWN";

    PublicationView takedownOpened(Instant at, long newVersion) {
        return new PublicationView(id, schoolId, channel, officialAccountId, link, publishedOn, checkId, registeredBy,
                registeredAt, TAKEDOWN_OPEN, takedownOpenedAt == null ? at : takedownOpenedAt, null, null, newVersion);
    }

    PublicationView takenDown(Instant at, String by, long newVersion) {
        return new PublicationView(id, schoolId, channel, officialAccountId, link, publishedOn, checkId, registeredBy,
                registeredAt, TAKEN_DOWN, takedownOpenedAt, at, by, newVersion);
    }
}
