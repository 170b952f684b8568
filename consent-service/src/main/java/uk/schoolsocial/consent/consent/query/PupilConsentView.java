package uk.schoolsocial.consent.consent.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * A pupil's consent, channel by channel. Its version (the ETag) is that of the pupil's consent
 * record: the highest version among its channels, since every event of the record sets one.
 */
public record PupilConsentView(String pupilId, long version, List<ChannelConsentView> channels) {

    /** The pupil's consent from its channel rows; empty when the school has none for the pupil. */
    public static Optional<PupilConsentView> of(String pupilId, List<ChannelConsentView> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<ChannelConsentView> ordered = rows.stream()
                .sorted(Comparator.comparing(row -> ConsentChannel.valueOf(row.channel())))
                .toList();
        long version = rows.stream().mapToLong(ChannelConsentView::version).max().orElseThrow();
        return Optional.of(new PupilConsentView(pupilId, version, ordered));
    }

    /** Until the roster (CON-6) links parents to pupils, a parent's link is a consent they gave. */
    public boolean hasConsentGivenBy(String adultId) {
        return channels.stream().anyMatch(channel -> channel.givenBy().equals(adultId));
    }
}
