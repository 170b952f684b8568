package uk.schoolsocial.account.privacy.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.StrictInput;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * AUD-4 (UK GDPR Art. 15 and 12(3)): the subject access request register through HTTP, checked
 * against account.yaml, on a real database.
 */
@MicronautTest(transactional = false)
class SubjectAccessRequestsApiTest implements DatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("account");
    private static final String SCHOOL = "sar-school";
    private static final String SLT = TestTokens.bearer("slt-1", SCHOOL, "SLT");
    private static final String AUDITOR = TestTokens.bearer("aud-1", SCHOOL, "AUDITOR");
    private static final String REQUESTS = "/api/v1/privacy/requests";

    /** Today in the school's zone, as the service judges it ({@code smp.account.zone}'s default). */
    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    private static Map<String, Object> request(LocalDate receivedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectType", "PUPIL");
        body.put("subjectId", "pupil-7");
        body.put("receivedOn", receivedOn.toString());
        body.put("requestedBy", "The pupil's mother, by letter");
        return body;
    }

    private String register(String token, LocalDate receivedOn) {
        return API.as(token).body(request(receivedOn)).post(REQUESTS).then().statusCode(201).extract().header("Location");
    }

    @Test
    void aud4_aRequestIsDueOneCalendarMonthAfterReceiptSo31JanuaryIsDueAtTheEndOfFebruary() {
        String location = API.as(SLT).body(request(LocalDate.parse("2024-01-31"))).post(REQUESTS).then().statusCode(201)
                .header("ETag", "\"0\"").header("Location", containsString(REQUESTS + "/"))
                .body("status", equalTo("RECEIVED")).body("receivedOn", equalTo("2024-01-31"))
                .body("dueOn", equalTo("2024-02-29")).body("subjectType", equalTo("PUPIL"))
                .body("subjectId", equalTo("pupil-7")).body("requestedBy", equalTo("The pupil's mother, by letter"))
                .body("recordedBy", equalTo("slt-1")).extract().header("Location");
        API.as(AUDITOR).get(location).then().statusCode(200).header("ETag", "\"0\"").body("dueOn", equalTo("2024-02-29"));
        API.as(SLT).body(request(LocalDate.parse("2025-01-31"))).post(REQUESTS).then().statusCode(201)
                .body("dueOn", equalTo("2025-02-28"));
        API.as(SLT).body(request(LocalDate.parse("2025-03-15"))).post(REQUESTS).then().statusCode(201)
                .body("dueOn", equalTo("2025-04-15"));
    }

    @Test
    void aud4_theTimeIsExtendedOnceByOneOrTwoMonthsWithAReasonAndNotAfterFulfilment() {
        LocalDate received = today().minusDays(3);
        String location = register(SLT, received);
        StrictInput.refused(API.badInput(SLT).body(Map.of("reason", " ", "months", 1)).post(location + "/extension"), "reason");
        StrictInput.refused(API.badInput(SLT).body(Map.of("months", 1)).post(location + "/extension"), "reason");
        StrictInput.refused(API.badInput(SLT).body(Map.of("reason", "Complex", "months", 3)).post(location + "/extension"),
                "months");
        StrictInput.refused(API.badInput(SLT).body(Map.of("reason", "Complex", "months", 0)).post(location + "/extension"),
                "months");
        API.as(SLT).header("If-Match", "\"4\"").body(Map.of("reason", "Complex", "months", 2))
                .post(location + "/extension").then().statusCode(412).body("code", equalTo("VERSION_MISMATCH"));
        API.as(SLT).header("If-Match", "\"0\"").body(Map.of("reason", "Records held at two sites", "months", 2))
                .post(location + "/extension").then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("EXTENDED")).body("dueOn", equalTo(received.plusMonths(3).toString()))
                .body("extensionMonths", equalTo(2)).body("extensionReason", equalTo("Records held at two sites"))
                .body("extendedBy", equalTo("slt-1"));
        API.as(SLT).body(Map.of("reason", "Still more", "months", 1)).post(location + "/extension").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("ALREADY_EXTENDED"));
        API.as(SLT).get(location).then().statusCode(200).body("dueOn", equalTo(received.plusMonths(3).toString()));

        String fulfilled = register(SLT, received);
        API.as(SLT).body(Map.of("fulfilledOn", today().toString())).post(fulfilled + "/fulfilment").then().statusCode(200);
        API.as(SLT).body(Map.of("reason", "Complex", "months", 1)).post(fulfilled + "/extension").then()
                .statusCode(422).body("code", equalTo("ALREADY_FULFILLED"));
    }

    @Test
    void aud4_aRequestIsFulfilledOnceOnADayFromReceiptToToday() {
        LocalDate received = today().minusDays(10);
        String location = register(SLT, received);
        StrictInput.refused(API.badInput(SLT).body(Map.of("fulfilledOn", received.minusDays(1).toString()))
                .post(location + "/fulfilment"), "fulfilledOn")
                .body("code", equalTo("INVALID_SUBJECT_ACCESS_REQUEST"));
        StrictInput.refused(API.badInput(SLT).body(Map.of("fulfilledOn", today().plusDays(1).toString()))
                .post(location + "/fulfilment"), "fulfilledOn");
        API.as(SLT).header("If-Match", "\"0\"").body(Map.of("fulfilledOn", received.plusDays(2).toString()))
                .post(location + "/fulfilment").then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("FULFILLED")).body("fulfilledOn", equalTo(received.plusDays(2).toString()))
                .body("fulfilledBy", equalTo("slt-1")).body("overdue", equalTo(false));
        API.as(SLT).body(Map.of("fulfilledOn", today().toString())).post(location + "/fulfilment").then()
                .statusCode(422).body("code", equalTo("ALREADY_FULFILLED"));
    }

    @Test
    void aud4_overdueListsOpenRequestsPastTheirDueDayInSchoolTime() {
        String school = "sar-overdue-school";
        String slt = TestTokens.bearer("slt-2", school, "SLT");
        String late = register(slt, today().minusMonths(2));
        String due = register(slt, today().minusMonths(1).plusDays(1));
        String answered = register(slt, today().minusMonths(2));
        API.as(slt).body(Map.of("fulfilledOn", today().toString())).post(answered + "/fulfilment").then().statusCode(200);
        String lateId = late.substring(late.lastIndexOf('/') + 1);
        String dueId = due.substring(due.lastIndexOf('/') + 1);
        String answeredId = answered.substring(answered.lastIndexOf('/') + 1);

        API.as(slt).queryParam("overdue", true).get(REQUESTS).then().statusCode(200)
                .body("items.id", equalTo(List.of(lateId))).body("items[0].overdue", equalTo(true))
                .body("items[0].dueOn", equalTo(today().minusMonths(2).plusMonths(1).toString()));
        API.as(slt).queryParam("overdue", false).get(REQUESTS).then().statusCode(200)
                .body("items.id", equalTo(List.of(answeredId, dueId)));
        API.as(TestTokens.bearer("aud-2", school, "AUDITOR")).queryParam("status", "RECEIVED").get(REQUESTS).then()
                .statusCode(200).body("items.id", equalTo(List.of(dueId, lateId)));
        API.as(slt).queryParam("limit", 2).get(REQUESTS).then().statusCode(200).body("items.size()", equalTo(2))
                .body("page.nextCursor", not(equalTo(null)));
        API.as(slt).header("If-Match", "\"0\"").body(Map.of("reason", "Complex", "months", 2)).post(late + "/extension")
                .then().statusCode(200).body("overdue", equalTo(false));
        API.as(slt).queryParam("overdue", true).get(REQUESTS).then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void aud4_onlySltRegistersExtendsAndFulfilsAndOnlySltAndAuditorsRead() {
        String location = register(SLT, today());
        for (String role : List.of("STAFF", "PARENT", "INTEGRATION", "DSL", "ACCOUNT_ADMIN", "AUDITOR")) {
            String token = TestTokens.bearer("someone", SCHOOL, role);
            API.badInput(token).body(request(today())).post(REQUESTS).then().statusCode(403)
                    .contentType("application/problem+json");
            API.badInput(token).body(Map.of("reason", "Complex", "months", 1)).post(location + "/extension").then()
                    .statusCode(403);
            API.badInput(token).body(Map.of("fulfilledOn", today().toString())).post(location + "/fulfilment").then()
                    .statusCode(403);
            if (!role.equals("AUDITOR")) {
                API.badInput(token).get(location).then().statusCode(403);
                API.badInput(token).get(REQUESTS).then().statusCode(403);
            }
        }
        API.as(AUDITOR).get(REQUESTS).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void aud4_anotherSchoolsRequestIsNotFound() {
        String location = register(SLT, today());
        String otherSlt = TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT");
        API.as(otherSlt).get(location).then().statusCode(404).contentType("application/problem+json");
        API.as(TestTokens.bearer("aud-9", TestTokens.OTHER_SCHOOL, "AUDITOR")).get(location).then().statusCode(404);
        API.as(otherSlt).body(Map.of("reason", "Complex", "months", 1)).post(location + "/extension").then()
                .statusCode(404);
        API.as(otherSlt).body(Map.of("fulfilledOn", today().toString())).post(location + "/fulfilment").then()
                .statusCode(404);
        API.as(otherSlt).get(REQUESTS).then().statusCode(200)
                .body("items.id", not(hasItem(location.substring(location.lastIndexOf('/') + 1))));
        API.as(SLT).get(location).then().statusCode(200).body("status", equalTo("RECEIVED"));
    }

    @Test
    void aud4_badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = API.events();
        Map<String, Object> unknown = request(today());
        unknown.put("email", "mum@example.org");
        StrictInput.refused(API.badInput(SLT).body(unknown).post(REQUESTS), "email");
        StrictInput.refused(API.badInput(SLT).body(request(today().plusDays(1))).post(REQUESTS), "receivedOn")
                .body("code", equalTo("INVALID_SUBJECT_ACCESS_REQUEST"));
        StrictInput.refused(API.badInput(SLT).body(request(LocalDate.parse("1899-12-31"))).post(REQUESTS), "receivedOn");
        Map<String, Object> noSubject = request(today());
        noSubject.remove("subjectId");
        StrictInput.refused(API.badInput(SLT).body(noSubject).post(REQUESTS), "subjectId");
        Map<String, Object> teacher = request(today());
        teacher.put("subjectType", "GOVERNOR");
        StrictInput.refused(API.badInput(SLT).body(teacher).post(REQUESTS), "subjectType")
                .body("errors[0].message", equalTo("must be one of PUPIL, PARENT, STAFF"));
        StrictInput.refused(API.badInput(SLT).queryParam("overdue", "maybe").get(REQUESTS), "overdue");
        StrictInput.refused(API.badInput(SLT).queryParam("status", "OPEN").get(REQUESTS), "status");
        assertEquals(before, API.events(), "nothing refused is stored");
    }
}
