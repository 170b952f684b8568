package uk.schoolsocial.consent.consent.query;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Who may appear where, for one year group: two queries whatever its size. */
@Singleton
public class ConsentSheet {

    private final PupilViewRepository pupils;
    private final ChannelConsentViewRepository channels;
    private final Clock clock;

    ConsentSheet(PupilViewRepository pupils, ChannelConsentViewRepository channels, Clock clock) {
        this.pupils = pupils;
        this.channels = channels;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<ConsentSheetRow> of(String schoolId, String yearGroup, LocalDate today) {
        Map<String, List<ChannelConsentView>> byPupil = channels.ofYearGroup(schoolId, yearGroup).stream()
                .collect(Collectors.groupingBy(ChannelConsentView::pupilConsentId));
        return pupils.ofYearGroup(schoolId, yearGroup)
                .stream().map(pupil -> ConsentSheetRow.of(pupil, byPupil.getOrDefault(pupil.id(), List.of()), today))
                .toList();
    }
}
