package uk.schoolsocial.incident.oversight.query;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import uk.schoolsocial.incident.casefile.query.CaseNotes;
import uk.schoolsocial.incident.casefile.query.IncidentView;
import uk.schoolsocial.incident.casefile.query.IncidentViewRepository;
import uk.schoolsocial.incident.casefile.query.MonthlyCount;
import uk.schoolsocial.incident.takedown.query.TakedownRow;
import uk.schoolsocial.incident.takedown.query.TakedownRowRepository;
import uk.schoolsocial.platform.report.Durations;
import uk.schoolsocial.platform.report.ReportPeriod;

/**
 * The incident-service's figures for the governors' report (incident.yaml
 * {@code getIncidentReportFigures}): counts and durations over the read models, never a name or
 * any case detail. Incidents are those reported in the period; takedowns those requested in it;
 * open safeguarding cases are counted as they stand now, whenever reported.
 */
@Singleton
public class IncidentReportFigures {

    private final IncidentViewRepository incidents;
    private final TakedownRowRepository takedowns;

    IncidentReportFigures(IncidentViewRepository incidents, TakedownRowRepository takedowns) {
        this.incidents = incidents;
        this.takedowns = takedowns;
    }

    /** What the report shows of the incidents. */
    public record Figures(ReportPeriod period, long reported, List<MonthlyCount> byMonth, Durations assessment,
                          Durations closure, Map<String, Long> escalationsByBody, long openSafeguarding,
                          Takedowns takedowns) {
    }

    /** INC-5: takedown requests made in the period by how they stand, and the time to removal. */
    public record Takedowns(long requested, long removed, long abandoned, long open, Durations timeToRemoval) {
    }

    public Figures of(String schoolId, ReportPeriod period) {
        List<IncidentView> reported = incidents.reportedBetween(schoolId, period.start(), period.end());
        Map<String, Map<String, Long>> months = new TreeMap<>();
        reported.forEach(i -> months.computeIfAbsent(period.monthOf(i.reportedAt()), m -> new TreeMap<>())
                .merge(i.category(), 1L, Long::sum));
        List<MonthlyCount> byMonth = months.entrySet().stream().flatMap(month -> month.getValue().entrySet().stream()
                .map(category -> new MonthlyCount(month.getKey(), category.getKey(), category.getValue()))).toList();
        // INC-3: from the report to the initial assessment; INC-6: to the closure of those closed now.
        Durations assessment = Durations.of(reported.stream().filter(i -> i.assessment() != null)
                .map(i -> Duration.between(i.reportedAt(), i.assessment().assessedAt())).toList());
        Durations closure = Durations.of(reported.stream().filter(i -> "CLOSED".equals(i.status()) && i.closure() != null)
                .map(i -> Duration.between(i.reportedAt(), i.closure().closedAt())).toList());
        Map<String, Long> escalations = reported.stream().flatMap(i -> i.escalationList().stream())
                .collect(Collectors.groupingBy(CaseNotes.Escalation::body, TreeMap::new, Collectors.counting()));
        long openSafeguarding = incidents.open(schoolId).stream().filter(IncidentReportFigures::safeguarding).count();
        List<TakedownRow> requests = takedowns.requestedBetween(schoolId, period.start(), period.end());
        Map<String, Long> byState = requests.stream().collect(Collectors.groupingBy(TakedownRow::state,
                Collectors.counting()));
        Durations toRemoval = Durations.of(requests.stream()
                .filter(t -> "REMOVED".equals(t.state()) && t.settledAt() != null)
                .map(t -> Duration.between(t.requestedAt(), t.settledAt())).toList());
        return new Figures(period, reported.size(), byMonth, assessment, closure, escalations, openSafeguarding,
                new Takedowns(requests.size(), byState.getOrDefault("REMOVED", 0L),
                        byState.getOrDefault("ABANDONED", 0L), byState.getOrDefault("REQUESTED", 0L), toRemoval));
    }

    /**
     * INC-3, INC-7: a safeguarding case is one its assessment marks so, or, before assessment, one
     * routed to the DSL as a safeguarding concern (INC-2).
     */
    private static boolean safeguarding(IncidentView incident) {
        return incident.assessment() != null ? incident.assessment().safeguarding()
                : "SAFEGUARDING_CONCERN".equals(incident.routingReason());
    }
}
