package uk.schoolsocial.account.report.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.LocalDate;
import uk.schoolsocial.account.api.AccountFiguresApi;
import uk.schoolsocial.account.api.model.AccountReportFigures;
import uk.schoolsocial.account.api.model.AccountStateFigures;
import uk.schoolsocial.account.api.model.HandoverFigures;
import uk.schoolsocial.account.api.model.ReportDurations;
import uk.schoolsocial.account.api.model.ResponseFigures;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.report.Durations;
import uk.schoolsocial.platform.report.ReportPeriod;

/** The governors' report's figures of official accounts (account.yaml {@code getAccountReportFigures}). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportFiguresController implements AccountFiguresApi {

    private final CurrentActor current;
    private final uk.schoolsocial.account.report.query.AccountReportFigures figures;

    ReportFiguresController(CurrentActor current, uk.schoolsocial.account.report.query.AccountReportFigures figures) {
        this.current = current;
        this.figures = figures;
    }

    @Override
    @Secured({Roles.SLT, Roles.AUDITOR})
    public AccountReportFigures getAccountReportFigures(LocalDate from, LocalDate to) {
        var f = figures.of(current.get().schoolId(), ReportPeriod.of(from, to));
        var a = f.accounts();
        var r = f.responses();
        return new AccountReportFigures(from, to,
                new AccountStateFigures(a.live(), a.suspended(), a.provisioned(), a.closed(), a.reviewsOverdue(),
                        a.flagged(), a.administratorsOutOfDate()),
                new HandoverFigures(f.handoversOpen(), f.handoversOverdue()),
                new ResponseFigures(r.received(), r.answeredInTime(), r.breaches(), r.open(),
                        durations(r.timeToAnswer())));
    }

    private static ReportDurations durations(Durations d) {
        ReportDurations api = new ReportDurations(d.count());
        api.setMedianHours(d.medianHours());
        api.setP90Hours(d.p90Hours());
        return api;
    }
}
