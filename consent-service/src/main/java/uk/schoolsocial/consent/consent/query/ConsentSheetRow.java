package uk.schoolsocial.consent.consent.query;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import uk.schoolsocial.events.consent.ConsentChannel;

/**
 * One pupil's line of the consent sheet: the channels they may appear on today. An objection
 * (CON-2) or leaving (CON-6) rules every channel out; otherwise a standing consent covering today does.
 */
public record ConsentSheetRow(PupilView pupil, boolean objected, boolean left, List<ConsentChannel> mayAppearOn) {

    public static ConsentSheetRow of(PupilView pupil, List<ChannelConsentView> rows, LocalDate today) {
        boolean objected = pupil.objectedAt() != null;
        boolean left = pupil.leftOn() != null && !pupil.leftOn().isAfter(today);
        List<ConsentChannel> channels = objected || left ? List.of() : Arrays.stream(ConsentChannel.values())
                .filter(channel -> rows.stream().anyMatch(row -> row.channel().equals(channel.name())
                        && row.standing() && !today.isBefore(row.givenOn()) && !today.isAfter(row.validUntil())))
                .toList();
        return new ConsentSheetRow(pupil, objected, left, channels);
    }
}
