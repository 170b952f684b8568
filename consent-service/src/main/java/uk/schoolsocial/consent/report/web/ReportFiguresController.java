package uk.schoolsocial.consent.report.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.LocalDate;
import uk.schoolsocial.consent.api.ConsentFiguresApi;
import uk.schoolsocial.consent.api.model.ChannelCoverage;
import uk.schoolsocial.consent.api.model.ConsentCoverage;
import uk.schoolsocial.consent.api.model.ConsentReportFigures;
import uk.schoolsocial.consent.api.model.PublicationChannel;
import uk.schoolsocial.platform.identity.CurrentActor;
import uk.schoolsocial.platform.identity.Roles;
import uk.schoolsocial.platform.report.ReportPeriod;

/** The governors' report's figures of image consent (consent.yaml {@code getConsentReportFigures}). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportFiguresController implements ConsentFiguresApi {

    private final CurrentActor current;
    private final uk.schoolsocial.consent.report.query.ConsentReportFigures figures;

    ReportFiguresController(CurrentActor current, uk.schoolsocial.consent.report.query.ConsentReportFigures figures) {
        this.current = current;
        this.figures = figures;
    }

    @Override
    @Secured({Roles.SLT, Roles.AUDITOR})
    public ConsentReportFigures getConsentReportFigures(LocalDate from, LocalDate to) {
        var f = figures.of(current.get().schoolId(), ReportPeriod.of(from, to));
        return new ConsentReportFigures(from, to, f.coverage().stream().map(c -> new ConsentCoverage(c.yearGroup(),
                        c.pupils(), c.objected(), c.consented().entrySet().stream().map(e -> new ChannelCoverage(
                        PublicationChannel.fromValue(e.getKey().name()), e.getValue())).toList())).toList(),
                f.withdrawals(), f.objections(), f.registered(), f.takenDown());
    }
}
