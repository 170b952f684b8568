package uk.schoolsocial.consent.consent.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.consent.ConsentDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** CON-1 through the real HTTP stack, Axon and the database, checked against consent.yaml. */
@MicronautTest(transactional = false)
class PupilConsentsApiTest implements ConsentDatabaseTest {

    private static final ServiceApi API = new ServiceApi("consent");
    private static final String STAFF = TestTokens.bearer("staff-1", TestTokens.SCHOOL, "STAFF");
    private static final String DSL = TestTokens.bearer("dsl-1", TestTokens.SCHOOL, "DSL");
    private static final String AUDITOR = TestTokens.bearer("auditor-1", TestTokens.SCHOOL, "AUDITOR");
    private static final String PARENT = TestTokens.bearer("parent-1", TestTokens.SCHOOL, "PARENT");
    private static final String OTHER_PARENT = TestTokens.bearer("parent-2", TestTokens.SCHOOL, "PARENT");
    private static final String OTHER_SCHOOL_SLT = TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT");

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;

    private RequestSpecification api(String token) {
        return API.as(server.getPort(), token);
    }

    /** For bad input on purpose: only the answer is checked against the contract. */
    private RequestSpecification badInput(String token) {
        return API.badInput(server.getPort(), token);
    }

    private static String newPupil() {
        return "pupil-" + UUID.randomUUID();
    }

    private static String consents(String pupilId) {
        return "/api/v1/pupils/" + pupilId + "/consents";
    }

    private static Map<String, Object> paperForm(String channel) {
        return Map.of("channel", channel, "givenBy", "parent-1", "method", "PAPER_FORM", "formReference", "CF-2026-0147",
                "givenOn", "2026-09-04");
    }

    private ValidatableResponse record(String token, String pupilId, Object body) {
        return api(token).body(body).post(consents(pupilId)).then();
    }

    @Test
    void con1_recordedConsentIsReadableBackWithItsDefaultEnd() {
        String pupil = newPupil();
        record(STAFF, pupil, paperForm("OFFICIAL_SOCIAL_MEDIA")).statusCode(201)
                .header("Location", consents(pupil))
                .header("ETag", "\"0\"")
                .body("pupilId", equalTo(pupil))
                .body("consents[0].channel", equalTo("OFFICIAL_SOCIAL_MEDIA"))
                .body("consents[0].validUntil", equalTo("2027-08-31"));
        api(DSL).get(consents(pupil)).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("consents.size()", equalTo(1))
                .body("consents[0].givenBy", equalTo("parent-1"))
                .body("consents[0].method", equalTo("PAPER_FORM"))
                .body("consents[0].formReference", equalTo("CF-2026-0147"))
                .body("consents[0].givenOn", equalTo("2026-09-04"))
                .body("consents[0].validUntil", equalTo("2027-08-31"));
    }

    @Test
    void con1_eachChannelKeepsItsOwnConsentAndTheVersionGrows() {
        String pupil = newPupil();
        record(STAFF, pupil, paperForm("PRINT")).statusCode(201);
        Map<String, Object> online = Map.of("channel", "WEBSITE", "givenBy", "parent-1", "method", "SIGNED_ONLINE",
                "givenOn", "2026-09-04", "validUntil", "2026-12-19");
        record(PARENT, pupil, online).statusCode(201).header("ETag", "\"1\"");
        api(AUDITOR).get(consents(pupil)).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("consents.channel", containsInAnyOrder("WEBSITE", "PRINT"))
                .body("consents.find { it.channel == 'WEBSITE' }.validUntil", equalTo("2026-12-19"))
                .body("consents.find { it.channel == 'WEBSITE' }.formReference", nullValue());
    }

    @Test
    void con1_aParentReadsOnlyPupilsTheyGaveConsentFor() {
        String pupil = newPupil();
        record(PARENT, pupil, Map.of("channel", "WEBSITE", "givenBy", "parent-1", "method", "SIGNED_ONLINE",
                "givenOn", "2026-09-04")).statusCode(201);
        api(PARENT).get(consents(pupil)).then().statusCode(200).body("consents[0].givenBy", equalTo("parent-1"));
        api(OTHER_PARENT).get(consents(pupil)).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void con1_aParentCannotGiveConsentInAnotherAdultsName() {
        record(OTHER_PARENT, newPupil(), paperForm("WEBSITE")).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("NOT_THE_GIVER"));
    }

    @Test
    void con1_everyMissingFieldIsNamedInOneProblem() {
        badInput(STAFF).body(Map.of("formReference", "CF-1")).post(consents(newPupil())).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("channel", "givenBy", "method", "givenOn"));
    }

    @Test
    void con1_theRulesBetweenFieldsAreNamedTogether() {
        Map<String, Object> body = new HashMap<>(paperForm("PRINT"));
        body.remove("formReference");
        body.put("validUntil", "2026-09-03");
        badInput(STAFF).body(body).post(consents(newPupil())).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", containsInAnyOrder("formReference", "validUntil"));
    }

    @Test
    void con1_missingFieldsAndBrokenRulesAreNamedInTheSameProblem() {
        badInput(STAFF).body(Map.of("method", "PAPER_FORM", "givenOn", "2026-09-04", "validUntil", "2026-09-01"))
                .post(consents(newPupil())).then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", containsInAnyOrder("channel", "givenBy", "formReference", "validUntil"))
                .body("errors.find { it.field == 'formReference' }.message", equalTo("is required for a paper form"));
    }

    @Test
    void aRequestThatDidNotComeThroughTheGatewayIsRejected() {
        given().port(server.getPort()).contentType(ContentType.JSON).body(paperForm("PRINT"))
                .post(consents(newPupil())).then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anAuditorReadsButCannotRecord() {
        String pupil = newPupil();
        record(AUDITOR, pupil, paperForm("PRINT")).statusCode(403).body("code", equalTo("FORBIDDEN"));
        record(STAFF, pupil, paperForm("PRINT")).statusCode(201);
        api(AUDITOR).get(consents(pupil)).then().statusCode(200);
    }

    @Test
    void anotherSchoolSeesNothing() {
        String pupil = newPupil();
        record(STAFF, pupil, paperForm("PRINT")).statusCode(201);
        api(OTHER_SCHOOL_SLT).get(consents(pupil)).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerWithoutANewEvent() throws Exception {
        String pupil = newPupil();
        String key = UUID.randomUUID().toString();
        api(STAFF).header("Idempotency-Key", key).body(paperForm("PRINT")).post(consents(pupil))
                .then().statusCode(201).header("ETag", "\"0\"");
        long events = eventCount();
        api(STAFF).header("Idempotency-Key", key).body(paperForm("PRINT")).post(consents(pupil))
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"0\"")
                .body("pupilId", equalTo(pupil));
        assertEquals(events, eventCount());
        api(STAFF).header("Idempotency-Key", key).body(paperForm("WEBSITE")).post(consents(pupil))
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    private long eventCount() throws Exception {
        return ServiceApi.eventCount(dataSource);
    }
}
