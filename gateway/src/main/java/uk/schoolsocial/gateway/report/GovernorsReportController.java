package uk.schoolsocial.gateway.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.schoolsocial.gateway.auth.Caller;
import uk.schoolsocial.gateway.web.CorrelationIdFilter;
import uk.schoolsocial.gateway.web.Problems;
import uk.schoolsocial.platform.identity.Role;

/**
 * {@code GET /api/v1/reports/governors} (reports.yaml {@code getGovernorsReport}, issue 16): the
 * governors' report for a period, made on each request from every service's figures and never
 * kept. SLT and AUDITOR only. Without {@code school}, the caller's school and, for an AUDITOR, every
 * school their token grants across a trust (decision 7), side by side; a named school must be the
 * caller's own or granted to them as an AUDITOR ({@link Caller#actingFor}), and each school's
 * figures are asked for with a token minted for that school.
 */
@Controller("/api/v1/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
final class GovernorsReportController {

    private static final Set<Role> READERS = Set.of(Role.SLT, Role.AUDITOR);

    private final ReportFigures figures;

    GovernorsReportController(ReportFigures figures) {
        this.figures = figures;
    }

    @Get(value = "/governors", produces = {"application/json", "text/html", "application/pdf"})
    MutableHttpResponse<?> governors(HttpRequest<?> request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (caller.roles().stream().noneMatch(READERS::contains)) {
            return Problems.response(HttpStatus.FORBIDDEN, "Only SLT or an AUDITOR may read the governors' report.");
        }
        ReportRequest asked;
        try {
            asked = ReportRequest.parse(request);
        } catch (ReportRequest.InvalidException e) {
            return Problems.invalid(e.errors);
        }
        List<Caller> schools = new ArrayList<>();
        for (String school : schools(caller, asked)) {
            Optional<Caller> acting = caller.actingFor(school);
            if (acting.isEmpty()) {
                return Problems.response(HttpStatus.FORBIDDEN, Caller.notGranted(school));
            }
            schools.add(acting.get());
        }
        ReportFigures.Outcome outcome = figures.gather(asked, schools, CorrelationIdFilter.of(request).orElse(null));
        if (outcome instanceof ReportFigures.Outcome.Failed failed) {
            return failed.response();
        }
        ObjectNode report = ((ReportFigures.Outcome.Gathered) outcome).report();
        return switch (asked.format()) {
            case JSON -> HttpResponse.ok(report.toString()).contentType(asked.format().type);
            case HTML -> HttpResponse.ok(ReportPage.html(report)).contentType(asked.format().type);
            case PDF -> HttpResponse.ok(ReportPdf.of(ReportPage.html(report))).contentType(asked.format().type)
                    .header("Content-Disposition", "inline; filename=\"governors-report-" + asked.from() + "-to-"
                            + asked.to() + ".pdf\"");
        };
    }

    /** The schools named, or the caller's own and, for an AUDITOR, those granted across a trust. */
    private static Set<String> schools(Caller caller, ReportRequest asked) {
        if (!asked.schools().isEmpty()) {
            return new LinkedHashSet<>(asked.schools());
        }
        Set<String> schools = new LinkedHashSet<>();
        schools.add(caller.school());
        if (caller.roles().contains(Role.AUDITOR)) {
            schools.addAll(caller.trustSchools());
        }
        return schools;
    }
}
