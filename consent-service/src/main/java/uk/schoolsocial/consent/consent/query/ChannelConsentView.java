package uk.schoolsocial.consent.consent.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import uk.schoolsocial.platform.query.VersionedRow;

/**
 * The consent that stands for one pupil and channel, for reads. {@code version} is that of the
 * pupil's consent record when this channel was last given. Instants are held to the microsecond, as
 * their {@code TIMESTAMP(6)} columns keep them, so a row as written is the row read back (CON-4: the
 * publication check's index holds the rows as written).
 */
@MappedEntity("channel_consent_view")
public record ChannelConsentView(
        @Id String id,
        String pupilConsentId,
        String schoolId,
        String pupilId,
        String channel,
        String givenBy,
        String method,
        @Nullable String formReference,
        LocalDate givenOn,
        LocalDate validUntil,
        Instant recordedAt,
        long version,
        @Nullable String withdrawnBy,
        @Nullable Instant withdrawnAt) implements VersionedRow {

    public ChannelConsentView {
        recordedAt = Microseconds.of(recordedAt);
        withdrawnAt = Microseconds.of(withdrawnAt);
    }

    /** CON-3: a withdrawn consent covers nothing from the moment it was withdrawn. */
    public boolean standing() {
        return withdrawnAt == null;
    }

    ChannelConsentView withdrawn(String by, Instant at, long newVersion) {
        return new ChannelConsentView(id, pupilConsentId, schoolId, pupilId, channel, givenBy, method, formReference,
                givenOn, validUntil, recordedAt, newVersion, by, at);
    }

    static String idOf(String pupilConsentId, String channel) {
        return pupilConsentId + "/" + channel;
    }
}
