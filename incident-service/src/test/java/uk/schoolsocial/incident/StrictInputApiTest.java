package uk.schoolsocial.incident;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.schoolsocial.platform.testing.Bearers.ANYONE;
import static uk.schoolsocial.platform.testing.Bearers.SLT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ContractOperations;
import uk.schoolsocial.platform.testing.ContractOperations.Operation;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.StrictInput;

/**
 * Issue 11, incident-service: bad input is refused clearly (400 naming the field, enumerations with
 * their values), never stored (no event appended), never a 5xx; instants are ones the database
 * stores (INC-1: an incident that occurred before 1970 was stored as an event its read model could
 * not hold). Through HTTP, answers checked against incident.yaml (audit.yaml for the audit API).
 */
@MicronautTest(transactional = false)
class StrictInputApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");
    @RegisterExtension
    static final ServiceApi AUDIT_API = new ServiceApi("audit");

    private static Map<String, Object> report() {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "BULLYING_OR_HARASSMENT");
        body.put("whatHappened", "A post mocks a pupil");
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("platform", "Instagram");
        body.put("location", "A public post");
        body.put("officialAccountInvolved", false);
        body.put("peopleInvolved", List.of(Map.of("role", "PUPIL", "description", "Year 9 pupil")));
        return body;
    }

    /** Issue 11: {@code false}, a number or {@code [1, 2]} as a body answered 500 on almost every operation. */
    @Test
    void issue11_aBodyThatIsNoJsonObjectIsRefusedByEveryOperation() throws Exception {
        long before = API.events();
        List<Operation> operations = new ArrayList<>(ContractOperations.withBody("incident", "incident"));
        operations.addAll(ContractOperations.withBody("audit", "incident"));
        assertTrue(operations.size() >= 11, "the contract's operations with a body: " + operations);
        for (Operation operation : operations) {
            ServiceApi contract = operation.document().equals("audit") ? AUDIT_API : API;
            for (String body : StrictInput.NOT_AN_OBJECT) {
                Response answer = contract.badInput(ANYONE).body(body)
                        .request(operation.method(), operation.path());
                assertEquals(400, answer.statusCode(), operation + " with " + body + ": " + answer.asString());
                StrictInput.refused(answer, "").body("errors[0].message", equalTo("must be a JSON object"));
            }
        }
        assertEquals(before, API.events(), "nothing refused is stored");
    }

    /**
     * INC-1, issue 11: instants are RFC 3339 text with a four-digit year from 1900; a number, a local
     * time or a bare date is not one. (An incident before 1970 is accepted and readable: IncidentsApiTest.)
     */
    @Test
    void inc1_issue11_occurredAtIsAnInstantTheDatabaseStores() throws Exception {
        long before = API.events();
        for (Object at : List.of("1899-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
                "+12026-11-20T18:30:00Z", "2026-11-20T18:30:00", "2026-11-20", 1763663400, 1763663400.5)) {
            Map<String, Object> body = report();
            body.put("occurredAt", at);
            StrictInput.refused(API.badInput(STAFF).body(body).post("/api/v1/incidents"), "occurredAt")
                    .body("errors[0].message", containsString("from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z"));
        }
        assertEquals(before, API.events(), "nothing refused is stored");
        Map<String, Object> early = report();
        early.put("occurredAt", "1900-01-01T00:00:00Z");
        String location = API.as(STAFF).body(early).post("/api/v1/incidents").then().statusCode(201)
                .extract().header("Location");
        API.as(SLT).get(location).then().statusCode(200).body("occurredAt", equalTo("1900-01-01T00:00:00Z"));
    }

    /** INC-1, issue 11: a report is read as the contract writes it: no coercion, no unknown fields, no null items. */
    @Test
    void inc1_issue11_aReportIsReadWithoutCoercion() throws Exception {
        long before = API.events();
        Map<String, Object> flag = report();
        flag.put("officialAccountInvolved", "false");
        StrictInput.refused(API.badInput(STAFF).body(flag).post("/api/v1/incidents"), "officialAccountInvolved")
                .body("errors[0].message", equalTo("must be true or false"));
        Map<String, Object> single = report();
        single.put("peopleInvolved", Map.of("role", "PUPIL"));
        StrictInput.refused(API.badInput(STAFF).body(single).post("/api/v1/incidents"), "peopleInvolved")
                .body("errors[0].message", equalTo("must be an array"));
        Map<String, Object> nobody = report();
        nobody.put("peopleInvolved", java.util.Arrays.asList((Object) null));
        StrictInput.refused(API.badInput(STAFF).body(nobody).post("/api/v1/incidents"), "peopleInvolved[0]");
        Map<String, Object> role = report();
        role.put("peopleInvolved", List.of(Map.of("role", "pupil")));
        StrictInput.refused(API.badInput(STAFF).body(role).post("/api/v1/incidents"), "peopleInvolved[0].role")
                .body("errors[0].message", equalTo("must be one of PUPIL, STAFF, PARENT, GOVERNOR, THIRD_PARTY, UNKNOWN"));
        Map<String, Object> extra = report();
        extra.put("severity", "HIGH");
        StrictInput.refused(API.badInput(STAFF).body(extra).post("/api/v1/incidents"), "severity")
                .body("errors[0].message", containsString("is not a field of this request"));
        Map<String, Object> category = report();
        category.put("category", 3);
        StrictInput.refused(API.badInput(STAFF).body(category).post("/api/v1/incidents"), "category")
                .body("errors[0].message", containsString("must be one of BULLYING_OR_HARASSMENT"));
        for (String text : List.of("\\u0000", "\\ud800", "\\u001b")) {
            String body = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(report()).toString()
                    .replace("A post mocks a pupil", "A post" + text + " mocks a pupil");
            StrictInput.refused(API.badInput(STAFF).body(body).post("/api/v1/incidents"), "whatHappened");
        }
        assertEquals(before, API.events(), "nothing refused is stored");
    }

    /** INC-1, issue 11: evidence is base64 text, not an array of numbers. */
    @Test
    void inc1_issue11_evidenceIsBase64Text() throws Exception {
        String incident = API.as(STAFF).body(report()).post("/api/v1/incidents").then().statusCode(201)
                .extract().header("Location");
        long before = API.events();
        StrictInput.refused(API.badInput(STAFF).body("{\"mediaType\":\"text/plain\",\"content\":[104,105]}")
                .post(incident + "/evidence"), "content").body("errors[0].message", equalTo("must be base64 text"));
        StrictInput.refused(API.badInput(STAFF).body("{\"mediaType\":\"text/plain\",\"content\":104}")
                .post(incident + "/evidence"), "content");
        StrictInput.refused(API.badInput(STAFF).body("{\"mediaType\":\"text/plain\",\"content\":\"!!not base64!!\"}")
                .post(incident + "/evidence"), "content").body("errors[0].message", equalTo("must be base64 text"));
        assertEquals(before, API.events(), "nothing refused is stored");
    }

    /** Issue 11: query parameters are read strictly; an unknown value answered 500 or was read as false. */
    @Test
    void issue11_queryParametersAreReadStrictly() {
        StrictInput.refused(API.badInput(SLT).queryParam("overdue", "maybe").get("/api/v1/incidents"), "overdue")
                .body("errors[0].message", equalTo("must be true or false"));
        StrictInput.refused(API.badInput(SLT).queryParam("status", "abc").get("/api/v1/incidents"), "status")
                .body("errors[0].message", equalTo("must be one of REPORTED, ASSESSED, CLOSED"));
        StrictInput.refused(API.badInput(SLT).queryParam("category", "").get("/api/v1/incidents"), "category");
        StrictInput.refused(API.badInput(SLT).queryParam("assignedRole", "DSL", "SLT").get("/api/v1/incidents"), "assignedRole")
                .body("errors[0].message", equalTo("must be given once"));
        StrictInput.refused(API.badInput(SLT).get("/api/v1/incidents/not-a-uuid"), "incidentId")
                .body("errors[0].message", equalTo("must be a UUID"));
        StrictInput.refused(API.badInput(SLT).queryParam("from", "2026-09").queryParam("to", "2026-1\u00002")
                .get("/api/v1/incidents/counts"), "to");
        API.badInput(SLT).queryParam("overdue", "false").queryParam("status", "REPORTED").get("/api/v1/incidents").then()
                .statusCode(200);
    }
}
