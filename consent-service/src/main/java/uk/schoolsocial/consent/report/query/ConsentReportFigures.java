package uk.schoolsocial.consent.report.query;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import uk.schoolsocial.consent.consent.query.ChannelConsentView;
import uk.schoolsocial.consent.consent.query.ChannelConsentViewRepository;
import uk.schoolsocial.consent.consent.query.ConsentSheetRow;
import uk.schoolsocial.consent.consent.query.PupilView;
import uk.schoolsocial.consent.consent.query.PupilViewRepository;
import uk.schoolsocial.consent.publication.query.PublicationViewRepository;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.platform.changes.ChangeLog;
import uk.schoolsocial.platform.report.ReportPeriod;

/**
 * The consent-service's figures for the governors' report (consent.yaml
 * {@code getConsentReportFigures}): counts over the read models, never a pupil's name or id.
 * Coverage is today's, by the consent sheet's rule ({@link ConsentSheetRow}); the rest counts
 * what happened in the period: withdrawals and objections from the change feed's log (every one,
 * also those undone since), publications from the register.
 */
@Singleton
public class ConsentReportFigures {

    private final PupilViewRepository pupils;
    private final ChannelConsentViewRepository consents;
    private final PublicationViewRepository publications;
    private final ChangeLog changes;
    private final Clock clock;

    ConsentReportFigures(PupilViewRepository pupils, ChannelConsentViewRepository consents,
                         PublicationViewRepository publications, ChangeLog changes, Clock clock) {
        this.changes = changes;
        this.pupils = pupils;
        this.consents = consents;
        this.publications = publications;
        this.clock = clock;
    }

    /** What the report shows of image consent. */
    public record Figures(List<Coverage> coverage, long withdrawals, long objections, long registered,
                          long takenDown) {
    }

    /** CON-1, CON-2, CON-6: one year group's pupils on the roster today and who may appear where. */
    public record Coverage(String yearGroup, long pupils, long objected, Map<ConsentChannel, Long> consented) {
    }

    public Figures of(String schoolId, ReportPeriod period) {
        LocalDate today = LocalDate.now(clock);
        Map<String, List<ChannelConsentView>> byPupil = consents.findBySchoolId(schoolId).stream()
                .collect(Collectors.groupingBy(ChannelConsentView::pupilConsentId));
        List<PupilView> roster = pupils.findBySchoolId(schoolId);
        Map<String, List<ConsentSheetRow>> byYear = roster.stream()
                .map(pupil -> ConsentSheetRow.of(pupil, byPupil.getOrDefault(pupil.id(), List.of()), today))
                .filter(row -> !row.left())
                .collect(Collectors.groupingBy(row -> row.pupil().yearGroup(), TreeMap::new, Collectors.toList()));
        List<Coverage> coverage = byYear.entrySet().stream().map(year -> {
            Map<ConsentChannel, Long> consented = new LinkedHashMap<>();
            Arrays.stream(ConsentChannel.values()).forEach(channel -> consented.put(channel,
                    year.getValue().stream().filter(row -> row.mayAppearOn().contains(channel)).count()));
            return new Coverage(year.getKey(), year.getValue().size(),
                    year.getValue().stream().filter(ConsentSheetRow::objected).count(), consented);
        }).toList();
        // Every withdrawal and objection of the period, from the change feed's log: the read models keep
        // only the latest state (consent given again, an objection lifted).
        long withdrawals = changes.count(schoolId, "CONSENT", "WITHDRAWN", period.start(), period.end());
        long objections = changes.count(schoolId, "OBJECTION", "OBJECTED", period.start(), period.end());
        return new Figures(coverage, withdrawals, objections,
                publications.countRegisteredBetween(schoolId, period.start(), period.end()),
                publications.countTakenDownBetween(schoolId, period.start(), period.end()));
    }
}
