package uk.schoolsocial.incident.oversight.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.incident.report.web.HandlingApiTestAccess;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.MovableClock;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * The governors' report's incident figures (issue 16) from a known history built over three days
 * through the real stack, every number checked; checked against incident.yaml.
 */
@MicronautTest(transactional = false)
class ReportFiguresApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");
    private static final String FIGURES = "/api/v1/incidents/report-figures";
    private final MovableClock clock = new MovableClock();

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    private String report(String school, String category, String role) {
        return API.as(TestTokens.bearer("staff-a", school, "STAFF")).body(HandlingApiTestAccess.report(category, role))
                .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
    }

    private void post(String token, String path, Map<String, Object> body, int status) {
        API.as(token).body(body).post(path).then().statusCode(status);
    }

    private String takedown(String token, String incident, String addressee) {
        List<String> ids = API.as(token).body(Map.of("addressee", addressee, "addressedTo", "Whoever posted it"))
                .post(incident + "/takedowns").then().statusCode(201).extract().path("takedowns.id");
        return ids.get(ids.size() - 1);
    }

    private static Map<String, Object> assessment(boolean safeguarding) {
        return Map.of("severity", "MEDIUM", "safeguarding", safeguarding, "possiblyIllegal", false,
                "posterType", "THIRD_PARTY", "route", "PLATFORM");
    }

    private Map<String, Object> escalation(String body) {
        return Map.of("body", body, "escalatedAt", clock.instant().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)
                .toString());
    }

    @Test
    void everyFigureMatchesAKnownHistory() {
        String school = "school-" + UUID.randomUUID();
        String slt = TestTokens.bearer("slt-a", school, "SLT");
        String dsl = TestTokens.bearer("dsl-a", school, "DSL");
        Map<String, Object> close = Map.of("outcome", "Dealt with", "actionsTaken", "Asked for removal");
        Map<String, Map<String, Integer>> months = new TreeMap<>();
        LocalDate first = LocalDate.now(clock);

        String a = report(school, "COPYRIGHT", "THIRD_PARTY");
        String b = report(school, "BULLYING_OR_HARASSMENT", "PUPIL"); // INC-2: to the DSL, a safeguarding concern
        String c = report(school, "OTHER", "UNKNOWN");
        String month = YearMonth.now(clock).toString();
        List.of("COPYRIGHT", "BULLYING_OR_HARASSMENT", "OTHER").forEach(category ->
                months.computeIfAbsent(month, m -> new TreeMap<>()).merge(category, 1, Integer::sum));
        report("school-" + UUID.randomUUID(), "OTHER", "UNKNOWN"); // another school's: never counted

        clock.advance(Duration.ofHours(2));
        post(slt, a + "/assessment", assessment(false), 200);                 // 2 h
        post(slt, a + "/escalations", escalation("POLICE"), 201);
        clock.advance(Duration.ofHours(2));
        post(dsl, b + "/assessment", assessment(true), 200);                  // 4 h, safeguarding
        post(dsl, b + "/escalations", escalation("POLICE"), 201);
        post(dsl, b + "/escalations", escalation("PROFESSIONALS_ONLINE_SAFETY_HELPLINE"), 201);
        clock.advance(Duration.ofHours(6));
        post(slt, c + "/assessment", assessment(false), 200);                 // 10 h
        String removed = takedown(slt, a, "PLATFORM");
        String abandoned = takedown(slt, c, "PERSON");
        clock.advance(Duration.ofHours(20));
        post(slt, a + "/takedowns/" + removed + "/removal", Map.of("note", "Gone"), 200);          // 20 h
        post(slt, c + "/takedowns/" + abandoned + "/abandonment", Map.of("reason", "Account deleted"), 200);
        takedown(slt, a, "PERSON");                                           // still open
        clock.advance(Duration.ofHours(18));
        post(slt, a + "/closure", close, 200);                                // 48 h
        clock.advance(Duration.ofHours(24));
        post(slt, c + "/closure", close, 200);                                // 72 h
        report(school, "EXTREMISM_OR_RADICALISATION", "UNKNOWN");             // INC-2: safeguarding, not assessed
        months.computeIfAbsent(YearMonth.now(clock).toString(), m -> new TreeMap<>())
                .merge("EXTREMISM_OR_RADICALISATION", 1, Integer::sum);
        List<String> expectedMonths = new ArrayList<>();
        List<String> expectedCategories = new ArrayList<>();
        List<Integer> expectedCounts = new ArrayList<>();
        months.forEach((m, categories) -> categories.forEach((category, n) -> {
            expectedMonths.add(m);
            expectedCategories.add(category);
            expectedCounts.add(n);
        }));

        String from = first.toString();
        String to = LocalDate.now(clock).plusDays(1).toString();
        API.as(TestTokens.bearer("gov-a", school, "AUDITOR")).queryParam("from", from).queryParam("to", to)
                .get(FIGURES).then().statusCode(200)
                .body("from", equalTo(from)).body("to", equalTo(to))
                .body("incidentsReported", equalTo(4))
                .body("incidentsByMonth.month", contains(expectedMonths.toArray()))
                .body("incidentsByMonth.category", contains(expectedCategories.toArray()))
                .body("incidentsByMonth.incidents", contains(expectedCounts.toArray()))
                .body("assessment.count", equalTo(3))
                .body("assessment.medianHours", equalTo(4.0f))
                .body("assessment.p90Hours", equalTo(10.0f))
                .body("closure.count", equalTo(2))
                .body("closure.medianHours", equalTo(60.0f))
                .body("closure.p90Hours", equalTo(72.0f))
                .body("escalationsByBody.body", contains("POLICE", "PROFESSIONALS_ONLINE_SAFETY_HELPLINE"))
                .body("escalationsByBody.escalations", contains(2, 1))
                .body("openSafeguardingCases", equalTo(2))
                .body("takedowns.requested", equalTo(3))
                .body("takedowns.removed", equalTo(1))
                .body("takedowns.abandoned", equalTo(1))
                .body("takedowns.open", equalTo(1))
                .body("takedowns.timeToRemoval.count", equalTo(1))
                .body("takedowns.timeToRemoval.medianHours", equalTo(20.0f))
                .body("takedowns.timeToRemoval.p90Hours", equalTo(20.0f));

        // A period before it all: nothing reported then, but the open safeguarding cases are today's.
        String before = first.minusDays(1).toString();
        API.as(slt).queryParam("from", first.minusDays(30).toString()).queryParam("to", before).get(FIGURES).then()
                .statusCode(200)
                .body("incidentsReported", equalTo(0))
                .body("assessment.count", equalTo(0))
                .body("assessment.medianHours", nullValue())
                .body("takedowns.requested", equalTo(0))
                .body("openSafeguardingCases", equalTo(2));
    }

    @Test
    void onlySltAndAuditorsReadTheFiguresOfAValidPeriod() {
        String school = "school-" + UUID.randomUUID();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String role : List.of("STAFF", "DSL", "ACCOUNT_ADMIN")) {
            API.as(TestTokens.bearer("x", school, role)).queryParam("from", today).queryParam("to", today)
                    .get(FIGURES).then().statusCode(403);
        }
        String slt = TestTokens.bearer("slt-a", school, "SLT");
        API.badInput(slt).queryParam("from", today).queryParam("to", "2020-01-01")
                .get(FIGURES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
        API.badInput(slt).queryParam("from", "2026-02-30").queryParam("to", today)
                .get(FIGURES).then().statusCode(400).contentType("application/problem+json");
        API.badInput(slt).queryParam("from", "9999-12-31").queryParam("to", "9999-12-31")
                .get(FIGURES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("from", "to"));
        API.badInput(slt).queryParam("from", today).queryParam("to", "2099-01-01")
                .get(FIGURES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
    }
}
