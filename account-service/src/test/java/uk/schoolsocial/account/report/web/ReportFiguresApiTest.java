package uk.schoolsocial.account.report.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.ValidatableResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.MovableClock;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens.School;

/**
 * The governors' report's figures of official accounts (issue 16) from a known history built
 * through the real stack, every number checked (ACC-5, ACC-7, ACC-8, ACC-9); checked against
 * account.yaml.
 */
@MicronautTest(transactional = false)
class ReportFiguresApiTest implements DatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("account");
    private static final String FIGURES = "/api/v1/accounts/report-figures";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final MovableClock clock = new MovableClock();

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    /** ACC-7: a handover for a past leaving date falls due two seconds after it opens. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DatabaseTest.super.getProperties());
        properties.put("smp.account.handover-due", "PT2S");
        return properties;
    }

    private School newSchool() {
        School school = School.fresh();
        API.as(school.token("mis", "INTEGRATION")).body(Map.of("records", List.of(
                        Map.of("staffId", "a-1", "forename", "Priya", "surname", "Shah"),
                        Map.of("staffId", "a-2", "forename", "Omar", "surname", "Khan"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        return school;
    }

    /** An account run by a-1 and a-2, live when {@code live}, else provisioned only. */
    private String account(School school, boolean live) {
        String application = API.as(school.token("applicant", "STAFF")).body(Map.of("platform", "INSTAGRAM",
                        "proposedName", "Oakfield PE", "aim", "Fixtures", "audience", "Parents", "promotion", "Newsletter",
                        "administrators", List.of("a-1", "a-2"), "privacy", "PRIVATE", "privacyReason", "Approved"))
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
        API.as(school.token("head", "SLT")).body(Map.of("reason", "Clear aim")).post(application + "/approval")
                .then().statusCode(200);
        Map<String, Object> provisioning = new HashMap<>();
        provisioning.put("applicationId", application.substring(application.lastIndexOf('/') + 1));
        provisioning.put("handle", "oakfield_pe");
        provisioning.put("displayName", "Oakfield PE");
        provisioning.put("whoMayPost", List.of("a-1", "a-2"));
        provisioning.put("followersApproved", true);
        provisioning.put("taggingOff", true);
        provisioning.put("aupLink", "https://oakfield.sch.uk/aup");
        String location = API.as(school.token("admin", "ACCOUNT_ADMIN")).body(provisioning).post("/api/v1/accounts")
                .then().statusCode(201).extract().header("Location");
        if (live) {
            for (String admin : List.of("a-1", "a-2")) {
                API.as(school.token(admin, "STAFF")).body(Map.of("policyVersion", 1)).post(location + "/acknowledgements")
                        .then().statusCode(200);
                API.as(school.token("head", "SLT")).body(Map.of("administratorId", admin)).post(location + "/trainings")
                        .then().statusCode(200);
            }
        }
        return location;
    }

    /** That day of the week at {@code hour} school time, at least a week ago. */
    private static Instant pastDay(DayOfWeek day, int hour) {
        return LocalDate.now(LONDON).minusWeeks(1).with(TemporalAdjusters.previousOrSame(day)).atTime(hour, 0)
                .atZone(LONDON).toInstant();
    }

    private String log(School school, String account, Instant receivedAt) {
        return API.as(school.token("a-1", "STAFF")).body(Map.of("type", "QUERY", "channel", "POST_COMMENT",
                        "summary", "When is the concert?", "receivedAt", receivedAt.toString()))
                .post(account + "/messages").then().statusCode(201).extract().header("Location");
    }

    private void answer(School school, String message, Instant answeredAt) {
        API.as(school.token("a-1", "STAFF")).body(Map.of("answeredAt", answeredAt.toString(), "answer", "Friday"))
                .post(message + "/answer").then().statusCode(200);
    }

    private ValidatableResponse figures(School school, LocalDate from, LocalDate to) {
        return API.as(school.token("governor", "AUDITOR")).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get(FIGURES).then().statusCode(200);
    }

    @Test
    void everyFigureMatchesAKnownHistory() {
        School school = newSchool();
        String slt = school.token("head", "SLT");
        String live = account(school, true);
        String suspended = account(school, true);
        account(school, false);
        String closed = account(school, true);
        API.as(slt).body(Map.of("reason", "Compromised")).post(suspended + "/suspension").then().statusCode(200);
        API.as(slt).body(Map.of("reason", "Club ended")).post(closed + "/closure").then().statusCode(200);
        // ACC-5: version 2 flags the three accounts not closed, both administrators out of date on each...
        API.as(slt).body(Map.of("summary", "Adds the tagging rule")).post("/api/v1/accounts/policy-versions").then()
                .statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> figures(school, LocalDate.now(clock),
                LocalDate.now(clock)).body("accounts.flagged", equalTo(3)));
        // ...until one of them acknowledges it on one account.
        API.as(school.token("a-1", "STAFF")).body(Map.of("policyVersion", 2)).post(live + "/acknowledgements").then()
                .statusCode(200);

        // ACC-8, all between one and two weeks ago: due 24 hours after arriving on a working day.
        answer(school, log(school, live, pastDay(DayOfWeek.TUESDAY, 10)), pastDay(DayOfWeek.TUESDAY, 13));   // 3 h
        answer(school, log(school, live, pastDay(DayOfWeek.WEDNESDAY, 10)), pastDay(DayOfWeek.THURSDAY, 12)); // 26 h, late
        log(school, live, pastDay(DayOfWeek.MONDAY, 10));                                  // never answered: breach
        log(school, live, clock.instant().minus(Duration.ofHours(1)));                     // open, due tomorrow
        Instant longAgo = clock.instant().minus(Duration.ofDays(60));
        answer(school, log(school, live, longAgo), longAgo.plus(Duration.ofHours(1)));     // before the period
        School other = newSchool();
        log(other, account(other, true), clock.instant().minus(Duration.ofHours(2)));      // another school's

        LocalDate from = LocalDate.now(clock).minusDays(30);
        LocalDate to = LocalDate.now(clock);
        figures(school, from, to)
                .body("from", equalTo(from.toString())).body("to", equalTo(to.toString()))
                .body("accounts.live", equalTo(1))
                .body("accounts.suspended", equalTo(1))
                .body("accounts.provisioned", equalTo(1))
                .body("accounts.closed", equalTo(1))
                .body("accounts.reviewsOverdue", equalTo(0))
                .body("accounts.flagged", equalTo(3))
                .body("accounts.administratorsOutOfDate", equalTo(5))
                .body("handovers.open", equalTo(0))
                .body("handovers.overdue", equalTo(0))
                .body("responses.received", equalTo(4))
                .body("responses.answeredInTime", equalTo(1))
                .body("responses.breaches", equalTo(2))
                .body("responses.open", equalTo(1))
                .body("responses.timeToAnswer.count", equalTo(2))
                .body("responses.timeToAnswer.medianHours", equalTo(14.5f))
                .body("responses.timeToAnswer.p90Hours", equalTo(26.0f));

        // ACC-9: a year and more on, every review of an account not closed is overdue, and ACC-8's open
        // message is a breach.
        clock.advance(Duration.ofDays(400));
        figures(school, from, to)
                .body("accounts.reviewsOverdue", equalTo(3))
                .body("responses.breaches", equalTo(3))
                .body("responses.open", equalTo(0));
        figures(school, to.plusDays(1), to.plusDays(2))
                .body("responses.received", equalTo(0))
                .body("responses.timeToAnswer.count", equalTo(0))
                .body("responses.timeToAnswer.medianHours", nullValue());
    }

    @Test
    void acc7_anOpenHandoverPastItsDueTimeCountsAsOverdue() {
        School school = newSchool();
        account(school, true);
        API.as(school.token("mis", "INTEGRATION")).body(Map.of("records", List.of(Map.of("staffId", "a-2",
                        "forename", "Omar", "surname", "Khan", "leavingDate", LocalDate.now(LONDON).minusDays(1).toString()))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> figures(school, today, today)
                .body("handovers.open", equalTo(1)).body("handovers.overdue", equalTo(1)));
    }

    @Test
    void onlySltAndAuditorsReadTheFiguresOfAValidPeriod() {
        School school = newSchool();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String role : List.of("STAFF", "DSL", "ACCOUNT_ADMIN", "INTEGRATION")) {
            API.as(school.token("x", role)).queryParam("from", today).queryParam("to", today).get(FIGURES).then()
                    .statusCode(403);
        }
        API.as(school.token("head", "SLT")).queryParam("from", today).queryParam("to", today).get(FIGURES).then()
                .statusCode(200).body("accounts.live", equalTo(0));
        API.badInput(school.token("head", "SLT")).queryParam("from", today)
                .queryParam("to", "2020-01-01").get(FIGURES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("to"));
    }
}
