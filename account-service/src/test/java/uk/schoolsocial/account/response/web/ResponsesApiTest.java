package uk.schoolsocial.account.response.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;
import uk.schoolsocial.platform.testing.TestTokens.School;

/** ACC-8, the response rule, through HTTP and checked against account.yaml. */
@MicronautTest(transactional = false)
class ResponsesApiTest implements DatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("account");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A school with staff a-1 to a-3 and an account run by a-1 and a-2 (provisioned, not yet live). */
    private School newSchool() {
        School school = School.fresh();
        API.as(school.token("mis", "INTEGRATION")).body(Map.of("records", List.of(
                        Map.of("staffId", "a-1", "forename", "Priya", "surname", "Shah"),
                        Map.of("staffId", "a-2", "forename", "Omar", "surname", "Khan"),
                        Map.of("staffId", "a-3", "forename", "Jane", "surname", "Smith"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        return school;
    }

    private String account(School school) {
        String application = API.as(school.token("applicant", "STAFF")).body(Map.of("platform", "FACEBOOK",
                        "proposedName", "Oakfield Music", "aim", "Concerts", "audience", "Parents", "promotion", "Newsletter",
                        "administrators", List.of("a-1", "a-2"), "privacy", "OPEN", "privacyReason", "Public concerts"))
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
        API.as(school.token("head", "SLT")).body(Map.of("reason", "Clear aim")).post(application + "/approval")
                .then().statusCode(200);
        return API.as(school.token("admin", "ACCOUNT_ADMIN")).body(Map.of("applicationId",
                        application.substring(application.lastIndexOf('/') + 1), "handle", "oakfield_music",
                        "displayName", "Oakfield Music", "whoMayPost", List.of("a-1"), "followersApproved", false,
                        "taggingOff", true, "aupLink", "https://oakfield.sch.uk/aup"))
                .post("/api/v1/accounts").then().statusCode(201).extract().header("Location");
    }

    /** That day of the week, at {@code hour} school time, at least a week ago. */
    private static ZonedDateTime pastDay(DayOfWeek day, int hour) {
        return LocalDate.now(LONDON).minusWeeks(1).with(TemporalAdjusters.previousOrSame(day)).atTime(hour, 0)
                .atZone(LONDON);
    }

    private static Map<String, Object> message(String type, Instant receivedAt) {
        return Map.of("type", type, "channel", "POST_COMMENT", "summary", "When is the spring concert?",
                "receivedAt", receivedAt.toString());
    }

    private String log(String token, String account, String type, Instant receivedAt) {
        return API.as(token).body(message(type, receivedAt)).post(account + "/messages").then().statusCode(201)
                .extract().header("Location");
    }

    private void answer(String token, String message, Instant answeredAt) {
        API.as(token).body(Map.of("answeredAt", answeredAt.toString(), "answer", "Friday 20 March"))
                .post(message + "/answer").then().statusCode(200);
    }

    private static Instant instant(String dateTime) {
        return OffsetDateTime.parse(dateTime).toInstant();
    }

    @Test
    @DisplayName("ACC-8: an administrator logs a message due 24 hours after it arrived; the answer is recorded once")
    void acc8_anAdministratorLogsAMessageAndRecordsItsAnswerOnce() {
        School school = newSchool();
        String account = account(school);
        Instant tuesday = pastDay(DayOfWeek.TUESDAY, 9).toInstant();
        String location = API.as(school.token("a-1", "STAFF")).body(message("QUERY", tuesday))
                .post(account + "/messages").then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("OPEN")).body("loggedBy", equalTo("a-1")).body("type", equalTo("QUERY"))
                .body("channel", equalTo("POST_COMMENT")).body("breached", equalTo(true))
                .extract().header("Location");
        String dueAt = API.as(school.token("auditor", "AUDITOR")).get(location).then().statusCode(200)
                .header("ETag", "\"0\"").extract().path("dueAt");
        assertEquals(tuesday.plus(Duration.ofHours(24)), instant(dueAt));
        String a2 = school.token("a-2", "DSL");
        API.as(a2).header("If-Match", "\"1\"").body(Map.of()).post(location + "/answer").then().statusCode(412)
                .body("code", equalTo("VERSION_MISMATCH"));
        API.as(a2).header("If-Match", "\"0\"").body(Map.of("answeredAt", tuesday.plus(Duration.ofHours(3)).toString(),
                        "answer", "Friday 20 March"))
                .post(location + "/answer").then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("ANSWERED")).body("breached", equalTo(false))
                .body("answeredBy", equalTo("a-2")).body("answer", equalTo("Friday 20 March"));
        API.as(school.token("a-1", "STAFF")).body(Map.of()).post(location + "/answer").then().statusCode(409)
                .body("code", equalTo("ALREADY_ANSWERED"));
        String keyed = API.as(a2).header("Idempotency-Key", "log-once").body(message("QUERY", tuesday))
                .post(account + "/messages").then().statusCode(201).extract().header("Location");
        API.as(a2).header("Idempotency-Key", "log-once").body(message("QUERY", tuesday)).post(account + "/messages")
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", keyed);
        API.as(a2).body(Map.of("answeredAt", tuesday.minusSeconds(60).toString()))
                .post(log(a2, account, "COMMENT", tuesday) + "/answer").then().statusCode(400)
                .body("code", equalTo("INVALID_MESSAGE")).body("errors.field", contains("answeredAt"));
    }

    @Test
    @DisplayName("ACC-8: lists filter open, answered and breached messages and page; breaches are reported per school")
    void acc8_listsFilterByStatusAndBreachesAreReportedForTheSchool() {
        School school = newSchool();
        String account = account(school);
        String otherAccount = account(school);
        String a1 = school.token("a-1", "STAFF");
        Instant tuesday = pastDay(DayOfWeek.TUESDAY, 9).toInstant();
        String inTime = log(a1, account, "QUERY", tuesday);
        answer(a1, inTime, tuesday.plus(Duration.ofHours(2)));
        String late = log(a1, account, "COMPLAINT", tuesday.plusSeconds(60));
        answer(a1, late, tuesday.plus(Duration.ofHours(30)));
        String open = log(a1, account, "COMMENT", tuesday.plusSeconds(120));
        String recent = log(a1, account, "QUERY", Instant.now().minusSeconds(5));
        String elsewhere = log(a1, otherAccount, "COMMENT", tuesday.plusSeconds(180));
        String slt = school.token("head", "SLT");
        API.as(slt).queryParam("status", "OPEN").get(account + "/messages").then().statusCode(200)
                .body("items.id", contains(id(recent), id(open)));
        API.as(slt).queryParam("status", "ANSWERED").get(account + "/messages").then().statusCode(200)
                .body("items.id", contains(id(late), id(inTime)));
        API.as(slt).queryParam("status", "BREACHED").get(account + "/messages").then().statusCode(200)
                .body("items.id", contains(id(open), id(late))).body("items.breached", contains(true, true));
        String next = API.as(slt).queryParam("limit", 3).get(account + "/messages").then().statusCode(200)
                .body("items.id", contains(id(recent), id(open), id(late))).body("page.nextCursor", notNullValue())
                .extract().path("page.nextCursor");
        API.as(slt).queryParam("limit", 3).queryParam("cursor", next).get(account + "/messages").then().statusCode(200)
                .body("items.id", contains(id(inTime))).body("page.nextCursor", nullValue());
        for (String reader : List.of(slt, school.token("admin", "ACCOUNT_ADMIN"), school.token("auditor", "AUDITOR"))) {
            API.as(reader).get("/api/v1/accounts/response-breaches").then().statusCode(200)
                    .body("items.id", contains(id(elsewhere), id(open), id(late)));
        }
        API.as(a1).get("/api/v1/accounts/response-breaches").then().statusCode(403);
        API.as(newSchool().token("head", "SLT")).get("/api/v1/accounts/response-breaches").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    @DisplayName("ACC-8: at a weekend the answer is due by the end of the next working day; holidays are not working days")
    void acc8_weekendMessagesWaitForTheNextWorkingDayAndHolidaysAreConfigurable() {
        School school = newSchool();
        String account = account(school);
        String slt = school.token("head", "SLT");
        ZonedDateTime saturday = pastDay(DayOfWeek.SATURDAY, 12);
        LocalDate monday = saturday.toLocalDate().plusDays(2);
        String weekend = log(slt, account, "QUERY", saturday.toInstant());
        assertEquals(monday.plusDays(1).atStartOfDay(LONDON).toInstant(),
                instant(API.as(slt).get(weekend).then().extract().path("dueAt")));
        API.as(slt).get("/api/v1/accounts/school-holidays").then().statusCode(200).body("holidays.size()", equalTo(0))
                .body("version", nullValue());
        Map<String, Object> insetDay = Map.of("firstDay", monday.toString(), "lastDay", monday.toString(),
                "name", "Inset day");
        API.as(school.token("a-1", "STAFF")).body(Map.of("holidays", List.of(insetDay)))
                .put("/api/v1/accounts/school-holidays").then().statusCode(403);
        API.as(school.token("admin", "ACCOUNT_ADMIN")).body(Map.of("holidays", List.of(insetDay)))
                .put("/api/v1/accounts/school-holidays").then().statusCode(200).header("ETag", "\"0\"")
                .body("holidays[0].name", equalTo("Inset day")).body("version", equalTo(0));
        API.as(slt).header("If-Match", "\"0\"").body(Map.of("holidays", List.of(insetDay)))
                .put("/api/v1/accounts/school-holidays").then().statusCode(200).header("ETag", "\"0\"");
        API.as(slt).header("If-Match", "\"7\"").body(Map.of("holidays", List.of()))
                .put("/api/v1/accounts/school-holidays").then().statusCode(412).body("code", equalTo("VERSION_MISMATCH"));
        Map<String, Object> backwards = new HashMap<>(insetDay);
        backwards.put("firstDay", monday.plusDays(1).toString());
        API.as(slt).body(Map.of("holidays", List.of(backwards))).put("/api/v1/accounts/school-holidays").then()
                .statusCode(400).body("code", equalTo("INVALID_HOLIDAYS")).body("errors.field", contains("holidays[0].lastDay"));
        API.as(school.token("auditor", "AUDITOR")).get("/api/v1/accounts/school-holidays").then().statusCode(200)
                .header("ETag", "\"0\"").body("holidays.firstDay", contains(monday.toString()));
        String afterHoliday = log(slt, account, "QUERY", saturday.toInstant());
        assertEquals(monday.plusDays(2).atStartOfDay(LONDON).toInstant(),
                instant(API.as(slt).get(afterHoliday).then().extract().path("dueAt")));
        assertEquals(monday.plusDays(1).atStartOfDay(LONDON).toInstant(),
                instant(API.as(slt).get(weekend).then().extract().path("dueAt")), "a logged message keeps its due time");
        API.as(newSchool().token("head", "SLT")).get("/api/v1/accounts/school-holidays").then().statusCode(200)
                .body("holidays.size()", equalTo(0));
    }

    @Test
    @DisplayName("ACC-8: administrators of the account and SLT log and answer; others are refused; other schools see nothing")
    void acc8_onlyAdministratorsAndSltLogAndAnswerAndAnotherSchoolSeesNothing() {
        School school = newSchool();
        String account = account(school);
        Instant received = Instant.now().minus(Duration.ofHours(1));
        String outsider = school.token("a-3", "STAFF");
        API.as(outsider).body(message("COMMENT", received)).post(account + "/messages").then().statusCode(403)
                .body("code", equalTo("NOT_AN_ADMINISTRATOR"));
        API.as(school.token("admin", "ACCOUNT_ADMIN")).body(message("COMMENT", received)).post(account + "/messages")
                .then().statusCode(403).body("code", equalTo("NOT_AN_ADMINISTRATOR"));
        String location = log(school.token("head", "SLT"), account, "COMMENT", received);
        API.as(outsider).get(account + "/messages").then().statusCode(403).body("code", equalTo("NOT_AN_ADMINISTRATOR"));
        API.as(outsider).get(location).then().statusCode(403);
        API.as(outsider).body(Map.of()).post(location + "/answer").then().statusCode(403);
        API.as(school.token("a-2", "STAFF")).get(account + "/messages").then().statusCode(200)
                .body("items.loggedBy", contains("head"));
        API.badInput(school.token("a-1", "STAFF"))
                .body(message("COMMENT", Instant.now().plus(Duration.ofHours(1)))).post(account + "/messages").then()
                .statusCode(400).body("code", equalTo("INVALID_MESSAGE")).body("errors.field", hasItem("receivedAt"));
        API.badInput(school.token("a-1", "STAFF"))
                .body(Map.of("type", "PRAISE", "channel", "POST_COMMENT", "summary", "x", "receivedAt", received.toString()))
                .post(account + "/messages").then().statusCode(400);
        String other = newSchool().token("head", "SLT");
        API.as(other).body(message("COMMENT", received)).post(account + "/messages").then().statusCode(404);
        API.as(other).get(account + "/messages").then().statusCode(404);
        API.as(other).get(location).then().statusCode(404);
        API.as(other).body(Map.of()).post(location + "/answer").then().statusCode(404);
        API.as(school.token("head", "SLT")).get(account(school) + "/messages/" + id(location)).then().statusCode(404);
        API.as(TestTokens.bearer("p", school.id(), "PARENT")).get(account + "/messages").then().statusCode(403);
    }

    @Test
    @DisplayName("ACC-8: a closed account takes no new messages, but a late answer is still recorded")
    void acc8_aClosedAccountTakesNoNewMessagesButOpenOnesCanStillBeAnswered() {
        School school = newSchool();
        String account = account(school);
        String a1 = school.token("a-1", "STAFF");
        String location = log(a1, account, "COMPLAINT", pastDay(DayOfWeek.WEDNESDAY, 16).toInstant());
        API.as(school.token("head", "SLT")).body(Map.of("reason", "Club ended")).post(account + "/closure")
                .then().statusCode(200);
        API.as(a1).body(message("COMMENT", Instant.now().minusSeconds(60))).post(account + "/messages").then()
                .statusCode(409).body("code", equalTo("INVALID_STATE"));
        API.as(a1).body(Map.of("answer", "Sorry for the delay")).post(location + "/answer").then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("breached", equalTo(true));
        API.as(school.token("auditor", "AUDITOR")).get("/api/v1/accounts/response-breaches").then().statusCode(200)
                .body("items.id", containsInAnyOrder(id(location)));
    }

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
