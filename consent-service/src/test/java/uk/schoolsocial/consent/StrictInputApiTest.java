package uk.schoolsocial.consent;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.schoolsocial.platform.testing.Bearers.ANYONE;
import static uk.schoolsocial.platform.testing.Bearers.MIS;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ContractOperations;
import uk.schoolsocial.platform.testing.ContractOperations.Operation;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.StrictInput;

/**
 * Issue 11, consent-service: bad input is refused clearly (400 naming the field, enumerations with
 * their values), never stored (no event appended), never a 5xx; dates are sane (CON-1: no consent
 * given in the future; CON-6: nobody born in the future or before 1900). Through HTTP, answers
 * checked against consent.yaml (audit.yaml for the audit API).
 */
@MicronautTest(transactional = false)
class StrictInputApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    @RegisterExtension
    static final ServiceApi AUDIT_API = new ServiceApi("audit");

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    private static Map<String, Object> pupil(String id) {
        return new HashMap<>(Map.of("pupilId", id, "forename", "Zoë", "surname", "Brown", "yearGroup", "Year 5",
                "dateOfBirth", "2016-03-14", "parentalResponsibility", List.of("parent-1")));
    }

    /** A pupil on the roster whose one adult with parental responsibility is parent-1. */
    private String newPupil() {
        String id = "pupil-" + UUID.randomUUID();
        API.as(MIS).body(Map.of("records", List.of(pupil(id)))).post("/api/v1/pupils/roster").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> consent(String givenBy, Object givenOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "WEBSITE");
        body.put("givenBy", givenBy);
        body.put("method", "SIGNED_ONLINE");
        body.put("givenOn", givenOn);
        return body;
    }

    /** Issue 11: {@code false}, a number or {@code [1, 2]} as a body answered 500 on almost every operation. */
    @Test
    void issue11_aBodyThatIsNoJsonObjectIsRefusedByEveryOperation() throws Exception {
        long before = API.events();
        List<Operation> operations = new ArrayList<>(ContractOperations.withBody("consent", "consent"));
        operations.addAll(ContractOperations.withBody("audit", "consent"));
        assertTrue(operations.size() >= 8, "the contract's operations with a body: " + operations);
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
     * CON-1, issue 11: {@code "givenOn": 20260101} was stored as consent valid until the year +57440, and
     * {@code ["WEBSITE"]} read as {@code "WEBSITE"}. Consent given tomorrow is refused too.
     */
    @Test
    void con1_issue11_consentDatesAreRealDaysNotInTheFuture() throws Exception {
        String pupil = newPupil();
        long before = API.events();
        StrictInput.refused(API.badInput(STAFF).body(consent("parent-1", 20260101)).post("/api/v1/pupils/" + pupil + "/consents"),
                "givenOn").body("errors[0].message", equalTo("must be a date (YYYY-MM-DD) from 1900-01-01 to 9999-12-31"));
        Map<String, Object> farEnd = consent("parent-1", today().toString());
        farEnd.put("validUntil", "+57440-04-10");
        StrictInput.refused(API.badInput(STAFF).body(farEnd).post("/api/v1/pupils/" + pupil + "/consents"), "validUntil");
        StrictInput.refused(API.badInput(STAFF).body(consent("parent-1", today().plusDays(1).toString()))
                .post("/api/v1/pupils/" + pupil + "/consents"), "givenOn")
                .body("errors[0].message", equalTo("must not be in the future"));
        Map<String, Object> wrapped = consent("parent-1", today().toString());
        wrapped.put("channel", List.of("WEBSITE"));
        StrictInput.refused(API.badInput(STAFF).body(wrapped).post("/api/v1/pupils/" + pupil + "/consents"), "channel")
                .body("errors[0].message",
                        equalTo("must be one of WEBSITE, OFFICIAL_SOCIAL_MEDIA, PRINT, PRESS_AND_MEDIA, VIDEO_AND_LIVE_STREAM"));
        Map<String, Object> lowerCase = consent("parent-1", today().toString());
        lowerCase.put("method", "signed_online");
        StrictInput.refused(API.badInput(STAFF).body(lowerCase).post("/api/v1/pupils/" + pupil + "/consents"), "method")
                .body("errors[0].message", equalTo("must be one of PAPER_FORM, SIGNED_ONLINE"));
        StrictInput.refused(API.badInput(STAFF).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEB/withdrawal"), "channel")
                .body("errors[0].message", containsString("must be one of WEBSITE"));
        assertEquals(before, API.events(), "nothing refused is stored");
        API.as(STAFF).body(consent("parent-1", today().toString())).post("/api/v1/pupils/" + pupil + "/consents")
                .then().statusCode(201);
    }

    /**
     * CON-6, issue 11: {@code "dateOfBirth": 20160314} put a pupil born in +57167 on the roster. A date of
     * birth is a real day from 1900 and not in the future; one impossible entry refuses the whole push,
     * naming every bad entry, and records nothing of it.
     */
    @Test
    void con6_issue11_aRosterWithAnImpossibleDateOfBirthChangesNothing() throws Exception {
        long before = API.events();
        String fine = "pupil-" + UUID.randomUUID();
        for (Object born : List.of(20160314, "\"1899-12-31\"", "\"+2016-03-14\"", "\"14/03/2016\"")) {
            Map<String, Object> wrong = pupil("pupil-" + UUID.randomUUID());
            wrong.put("dateOfBirth", born instanceof String text ? text.replace("\"", "") : born);
            StrictInput.refused(API.badInput(MIS).body(Map.of("records", List.of(pupil(fine), wrong))).post("/api/v1/pupils/roster"),
                    "records[1].dateOfBirth");
        }
        Map<String, Object> tomorrow = pupil("pupil-" + UUID.randomUUID());
        tomorrow.put("dateOfBirth", today().plusDays(1).toString());
        Map<String, Object> nextYear = pupil("pupil-" + UUID.randomUUID());
        nextYear.put("dateOfBirth", today().plusYears(1).toString());
        API.badInput(MIS).body(Map.of("records", List.of(pupil(fine), tomorrow, nextYear))).post("/api/v1/pupils/roster").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("records[1].dateOfBirth", "records[2].dateOfBirth"))
                .body("errors[0].message", equalTo("must not be in the future"));
        assertEquals(before, API.events(), "nothing refused is stored, not even the valid entry");
        API.as(STAFF).get("/api/v1/pupils/" + fine + "/consents").then().statusCode(404);
    }

    /** Issue 11: NUL and lone surrogates were stored; the event kept {@code \ud800}, the read model showed '?'. */
    @Test
    void con6_issue11_namesWithControlCharactersOrLoneSurrogatesAreRefused() throws Exception {
        long before = API.events();
        for (String bad : List.of("\\u0000", "\\ud800", "\\u0008")) {
            StrictInput.refused(API.badInput(MIS).body("{\"records\":[{\"pupilId\":\"p-1\",\"forename\":\"Zo" + bad + "e\","
                    + "\"surname\":\"Brown\",\"yearGroup\":\"Year 5\",\"dateOfBirth\":\"2016-03-14\","
                    + "\"parentalResponsibility\":[\"parent-1\"]}]}").post("/api/v1/pupils/roster"), "records[0].forename");
        }
        StrictInput.refused(API.badInput(STAFF).urlEncodingEnabled(false).get("/api/v1/pupils/p%001/consents"), "pupilId");
        StrictInput.refused(API.badInput(STAFF).queryParam("yearGroup", "Year\u00005").get("/api/v1/consents/sheet"), "yearGroup");
        assertEquals(before, API.events(), "nothing refused is stored");
    }

    /** Issue 11: a list of one where a value belongs, and unknown fields, are refused, not taken. */
    @Test
    void con4_issue11_theCheckTakesItsFieldsAsTheContractWritesThem() {
        StrictInput.refused(API.badInput(STAFF).body(Map.of("channel", "WEBSITE", "pupilIds", "p-1"))
                .post("/api/v1/consents/checks"), "pupilIds").body("errors[0].message", equalTo("must be an array"));
        StrictInput.refused(API.badInput(STAFF).body(Map.of("channel", "WEBSITE", "pupilIds", List.of("p-1"), "audience", "all"))
                .post("/api/v1/consents/checks"), "audience");
        StrictInput.refused(API.badInput(STAFF).body("{\"channel\":\"WEBSITE\",\"pupilIds\":[null]}")
                .post("/api/v1/consents/checks"), "pupilIds[0]");
    }
}
