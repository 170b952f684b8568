package uk.schoolsocial.consent.consent.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * A rostered pupil's standing consent, channel by channel. Its version (the ETag) is that of the
 * pupil's record: the highest version among the pupil's row and its channels, since every event of
 * the record sets one of them.
 */
public record PupilConsentView(PupilView pupil, long version, List<ChannelConsentView> channels) {

    /** The pupil's consent; empty when the pupil is not on the school's roster. */
    public static Optional<PupilConsentView> of(Optional<PupilView> pupil, List<ChannelConsentView> rows) {
        return pupil.map(found -> {
            long version = LongStream.concat(LongStream.of(found.version()),
                    rows.stream().mapToLong(ChannelConsentView::version)).max().orElseThrow();
            List<ChannelConsentView> standing = rows.stream()
                    .filter(ChannelConsentView::standing)
                    .sorted(Comparator.comparing(row -> ConsentChannel.valueOf(row.channel())))
                    .toList();
            return new PupilConsentView(found, version, standing);
        });
    }

    public String pupilId() {
        return pupil.pupilId();
    }
}
