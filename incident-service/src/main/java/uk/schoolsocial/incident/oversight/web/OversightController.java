package uk.schoolsocial.incident.oversight.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import uk.schoolsocial.incident.api.OversightApi;
import uk.schoolsocial.incident.api.model.IncidentAssignedRole;
import uk.schoolsocial.incident.api.model.IncidentCategory;
import uk.schoolsocial.incident.api.model.IncidentCounts;
import uk.schoolsocial.incident.api.model.IncidentEscalationBody;
import uk.schoolsocial.incident.api.model.IncidentEscalationCount;
import uk.schoolsocial.incident.api.model.IncidentMonthlyCount;
import uk.schoolsocial.incident.api.model.IncidentNotification;
import uk.schoolsocial.incident.api.model.IncidentNotificationDeliveryState;
import uk.schoolsocial.incident.api.model.IncidentNotificationKind;
import uk.schoolsocial.incident.api.model.IncidentNotificationList;
import uk.schoolsocial.incident.api.model.IncidentTakedownFigures;
import uk.schoolsocial.incident.api.model.ReportDurations;
import uk.schoolsocial.incident.casefile.query.IncidentViewRepository;
import uk.schoolsocial.incident.oversight.query.IncidentReportFigures;
import uk.schoolsocial.incident.oversight.query.Notification;
import uk.schoolsocial.incident.oversight.query.NotificationRepository;
import uk.schoolsocial.platform.error.DomainException;
import uk.schoolsocial.platform.error.FieldError;
import uk.schoolsocial.platform.error.PlatformError;
import uk.schoolsocial.platform.identity.Actor;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.report.Durations;
import uk.schoolsocial.platform.report.ReportPeriod;
import uk.schoolsocial.platform.web.Cursor;

/**
 * Notifications to the assignee (INC-2), and counts and the governors' report's figures for
 * governors. Counts and figures carry no case detail, so AUDITOR (governors) may read them;
 * notifications are for the roles that handle incidents.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class OversightController implements OversightApi {

    /** The longest period one count covers. */
    static final int MAX_MONTHS = 36;
    private final CurrentActor current;
    private final NotificationRepository notifications;
    private final IncidentViewRepository views;
    private final IncidentReportFigures figures;

    OversightController(CurrentActor current, NotificationRepository notifications, IncidentViewRepository views,
                        IncidentReportFigures figures) {
        this.current = current;
        this.notifications = notifications;
        this.views = views;
        this.figures = figures;
    }

    @Override
    @Secured({Roles.SLT, Roles.AUDITOR})
    public uk.schoolsocial.incident.api.model.IncidentReportFigures getIncidentReportFigures(LocalDate from, LocalDate to) {
        IncidentReportFigures.Figures f = figures.of(current.get().schoolId(), ReportPeriod.of(from, to));
        return new uk.schoolsocial.incident.api.model.IncidentReportFigures(from, to, f.reported(),
                f.byMonth().stream().map(c -> new IncidentMonthlyCount(c.month(),
                        IncidentCategory.fromValue(c.category()), c.incidents())).toList(),
                durations(f.assessment()), durations(f.closure()),
                f.escalationsByBody().entrySet().stream().map(e -> new IncidentEscalationCount(
                        IncidentEscalationBody.fromValue(e.getKey()), e.getValue())).toList(),
                f.openSafeguarding(),
                new IncidentTakedownFigures(f.takedowns().requested(), f.takedowns().removed(),
                        f.takedowns().abandoned(), f.takedowns().open(), durations(f.takedowns().timeToRemoval())));
    }

    private static ReportDurations durations(Durations d) {
        ReportDurations api = new ReportDurations(d.count());
        api.setMedianHours(d.medianHours());
        api.setP90Hours(d.p90Hours());
        return api;
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL})
    public IncidentNotificationList listNotifications(Integer limit) {
        Actor actor = current.get();
        List<String> roles = new ArrayList<>();
        if (actor.hasRole(Roles.SLT)) {
            roles.add(Roles.SLT);
        }
        if (actor.hasRole(Roles.DSL)) {
            roles.add(Roles.DSL);
        }
        return new IncidentNotificationList(notifications.latest(actor.schoolId(), roles, Cursor.limit(limit)).stream()
                .map(OversightController::toApi).toList());
    }

    @Override
    @Secured({Roles.SLT, Roles.DSL, Roles.AUDITOR})
    public IncidentCounts countIncidents(String from, String to) {
        Actor actor = current.get();
        YearMonth first = month("from", from);
        YearMonth last = month("to", to);
        if (last.isBefore(first) || first.plusMonths(MAX_MONTHS - 1L).isBefore(last)) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, "The period is invalid",
                    List.of(new FieldError("to", "must be from 'from' to " + MAX_MONTHS + " months after it")));
        }
        List<IncidentMonthlyCount> items = views.countByMonthAndCategory(actor.schoolId(),
                        first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                        last.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)).stream()
                .map(c -> new IncidentMonthlyCount(c.month(), IncidentCategory.fromValue(c.category()), c.incidents()))
                .toList();
        return new IncidentCounts(from, to, items);
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new DomainException(PlatformError.VALIDATION_FAILED, field + " must be a month, YYYY-MM",
                    List.of(new FieldError(field, "must be a month, YYYY-MM")));
        }
    }

    private static IncidentNotification toApi(Notification n) {
        IncidentNotification api = new IncidentNotification(n.id(), java.util.UUID.fromString(n.incidentId()),
                IncidentAssignedRole.fromValue(n.recipientRole()), IncidentNotificationKind.fromValue(n.kind()),
                n.text(), n.link(), n.createdAt().atZone(ZoneOffset.UTC));
        if (n.deliveredAt() != null) {
            api.setDeliveredAt(n.deliveredAt().atZone(ZoneOffset.UTC));
        }
        api.setDeliveryState(IncidentNotificationDeliveryState.fromValue(n.deliveryState()));
        api.setAttempts(n.attempts());
        api.setLastError(n.lastError());
        return api;
    }
}
