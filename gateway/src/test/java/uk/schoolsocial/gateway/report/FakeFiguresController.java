package uk.schoolsocial.gateway.report;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The three services' figures endpoints as they answer (incident.yaml, account.yaml, consent.yaml
 * {@code get...ReportFigures}), for the school of the internal token the gateway sent: demo-school's
 * figures once, other-school's twice over. Below {@code /fakes}, the path of the service URLs the test
 * configures; a service made to fail on demand.
 */
@Requires(property = GovernorsReportTest.DOWNSTREAM_PROPERTY, value = "true")
@Controller("/fakes/api/v1")
class FakeFiguresController {

    /** What the fake services saw. */
    @Singleton
    @Requires(property = GovernorsReportTest.DOWNSTREAM_PROPERTY, value = "true")
    static class Seen {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
    }

    private final Seen seen;

    FakeFiguresController(Seen seen) {
        this.seen = seen;
    }

    /** The school and roles of the internal token (its signature is the services' to check, not this fake's). */
    private static String caller(HttpRequest<?> request) {
        String token = request.getHeaders().getAuthorization().orElseThrow().substring("Bearer ".length());
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        String school = claims.replaceAll(".*\"school\":\"([^\"]+)\".*", "$1");
        String roles = claims.replaceAll(".*\"roles\":\\[([^]]*)].*", "$1").replace("\"", "");
        return school + " " + roles;
    }

    private HttpResponse<?> answer(String service, HttpRequest<?> request, String from, String to, Map<String, Object> body) {
        String caller = caller(request);
        seen.calls.add(service + " " + caller + " " + from + " " + to);
        if (seen.failing.contains(service)) {
            return HttpResponse.serverError("boom");
        }
        Map<String, Object> figures = new java.util.HashMap<>(body);
        figures.put("from", from);
        figures.put("to", to);
        return HttpResponse.ok(figures);
    }

    private static int k(HttpRequest<?> request) {
        return caller(request).startsWith("other-school") ? 2 : 1;
    }

    private static Map<String, Object> durations(int count, double median, double p90) {
        return count == 0 ? Map.of("count", 0) : Map.of("count", count, "medianHours", median, "p90Hours", p90);
    }

    @Get("/incidents/report-figures")
    HttpResponse<?> incidents(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        int k = k(request);
        return answer("incident", request, from, to, Map.of(
                "incidentsReported", 4 * k,
                "incidentsByMonth", List.of(
                        Map.of("month", "2026-11", "category", "BULLYING_OR_HARASSMENT", "incidents", 2 * k),
                        Map.of("month", "2026-11", "category", "COPYRIGHT", "incidents", k),
                        Map.of("month", "2026-12", "category", "BULLYING_OR_HARASSMENT", "incidents", k)),
                "assessment", durations(3, 4.0 * k, 10.0 * k),
                "closure", durations(2, 60.0, 72.0),
                "escalationsByBody", List.of(Map.of("body", "POLICE", "escalations", 2 * k),
                        Map.of("body", "PROFESSIONALS_ONLINE_SAFETY_HELPLINE", "escalations", 1)),
                "openSafeguardingCases", 2 * k,
                "takedowns", Map.of("requested", 3 * k, "removed", k, "abandoned", 1, "open", 1,
                        "timeToRemoval", durations(1, 20.0, 20.0))));
    }

    @Get("/accounts/report-figures")
    HttpResponse<?> accounts(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        int k = k(request);
        return answer("account", request, from, to, Map.of(
                "accounts", Map.of("live", 3 * k, "suspended", 1, "provisioned", 1, "closed", 0, "reviewsOverdue", k,
                        "flagged", 1, "administratorsOutOfDate", 2 * k),
                "handovers", Map.of("open", k, "overdue", 1),
                "responses", Map.of("received", 12 * k, "answeredInTime", 10 * k, "breaches", k, "open", k,
                        "timeToAnswer", durations(11 * k, 3.5, 22.0))));
    }

    @Get("/consents/report-figures")
    HttpResponse<?> consent(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        int k = k(request);
        List<Map<String, Object>> channels = List.of(
                Map.of("channel", "WEBSITE", "consented", 27), Map.of("channel", "OFFICIAL_SOCIAL_MEDIA", "consented", 20),
                Map.of("channel", "PRINT", "consented", 25), Map.of("channel", "PRESS_AND_MEDIA", "consented", 12),
                Map.of("channel", "VIDEO_AND_LIVE_STREAM", "consented", 9));
        return answer("consent", request, from, to, Map.of(
                "coverage", List.of(Map.of("yearGroup", "Year 7", "pupils", 30, "objected", k, "channels", channels),
                        Map.of("yearGroup", "Year 8", "pupils", 30, "objected", 0, "channels", channels)),
                "withdrawals", 2 * k, "objections", 1, "publicationsRegistered", 14 * k, "publicationsTakenDown", 2));
    }
}
