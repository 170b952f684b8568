package uk.schoolsocial.consent.consent.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.schoolsocial.platform.testing.Bearers.AUDITOR;
import static uk.schoolsocial.platform.testing.Bearers.DSL;
import static uk.schoolsocial.platform.testing.Bearers.MIS;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_PARENT;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_SCHOOL_SLT;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** CON-1, CON-2 and CON-3 through the real HTTP stack, Axon and the database, checked against consent.yaml. */
@MicronautTest(transactional = false)
class PupilConsentsApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");

    /** A pupil on the roster whose parents (with parental responsibility) are parent-1 and parent-3. */
    private String newPupil() {
        String pupil = "pupil-" + UUID.randomUUID();
        API.as(MIS).body(Map.of("records", List.of(Map.of("pupilId", pupil, "forename", "Zoë", "surname", "Ó Briain",
                        "yearGroup", "Year 5", "dateOfBirth", "2016-03-14",
                        "parentalResponsibility", List.of("parent-1", "parent-3")))))
                .post("/api/v1/pupils/roster").then().statusCode(200).body("added", equalTo(1));
        return pupil;
    }

    private static String consents(String pupilId) {
        return "/api/v1/pupils/" + pupilId + "/consents";
    }

    private static Map<String, Object> paperForm(String channel) {
        return Map.of("channel", channel, "givenBy", "parent-1", "method", "PAPER_FORM", "formReference", "CF-2026-0147",
                "givenOn", "2026-09-04");
    }

    private ValidatableResponse record(String token, String pupilId, Object body) {
        return API.as(token).body(body).post(consents(pupilId)).then();
    }

    @Test
    void con1_recordedConsentIsReadableBackWithItsDefaultEnd() {
        String pupil = newPupil();
        record(STAFF, pupil, paperForm("OFFICIAL_SOCIAL_MEDIA")).statusCode(201)
                .header("Location", consents(pupil) + "/OFFICIAL_SOCIAL_MEDIA")
                .header("ETag", "\"1\"")
                .body("yearGroup", equalTo("Year 5"))
                .body("pupilId", equalTo(pupil))
                .body("consents[0].channel", equalTo("OFFICIAL_SOCIAL_MEDIA"))
                .body("consents[0].validUntil", equalTo("2027-08-31"));
        API.as(DSL).get(consents(pupil)).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("consents.size()", equalTo(1))
                .body("consents[0].givenBy", equalTo("parent-1"))
                .body("consents[0].method", equalTo("PAPER_FORM"))
                .body("consents[0].formReference", equalTo("CF-2026-0147"))
                .body("consents[0].givenOn", equalTo("2026-09-04"))
                .body("consents[0].validUntil", equalTo("2027-08-31"));
    }

    /** Issue 18: a recorded consent's Location names that consent, and the record there is the one recorded. */
    @Test
    void con1_theLocationOfARecordedConsentReadsThatConsent() {
        String pupil = newPupil();
        String location = record(STAFF, pupil, paperForm("PRINT")).statusCode(201).extract().header("Location");
        API.as(PARENT).get(location).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("channel", equalTo("PRINT"))
                .body("givenBy", equalTo("parent-1"))
                .body("formReference", equalTo("CF-2026-0147"));
        API.as(STAFF).get(consents(pupil) + "/WEBSITE").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        API.as(OTHER_PARENT).get(location).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        API.badInput(STAFF).get(consents(pupil) + "/BILLBOARD").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** Issue 18: If-Match on every change of a record that has an ETag; a stale one changes nothing (412). */
    @Test
    void con1_con2_con3_aStaleIfMatchIsRefusedAndChangesNothing() {
        String pupil = newPupil();
        record(STAFF, pupil, paperForm("PRINT")).statusCode(201).header("ETag", "\"1\"");
        API.as(STAFF).header("If-Match", "\"99\"").body(paperForm("WEBSITE")).post(consents(pupil)).then()
                .statusCode(412).contentType("application/problem+json").body("code", equalTo("VERSION_MISMATCH"));
        API.as(PARENT).header("If-Match", "\"99\"").body(Map.of("withdrawnBy", "parent-1"))
                .post(consents(pupil) + "/PRINT/withdrawal").then().statusCode(412);
        API.as(DSL).header("If-Match", "\"0\"").body(Map.of("reason", "Does not want to be photographed"))
                .post("/api/v1/pupils/" + pupil + "/objection").then().statusCode(412);
        API.as(STAFF).get(consents(pupil)).then().statusCode(200).header("ETag", "\"1\"")
                .body("consents.channel", containsInAnyOrder("PRINT"))
                .body("objectedAt", nullValue());
        record(STAFF, pupil, paperForm("WEBSITE")).statusCode(201).header("ETag", "\"2\"");
        API.as(STAFF).header("If-Match", "\"2\"").body(paperForm("WEBSITE")).post(consents(pupil)).then()
                .statusCode(201).header("ETag", "\"3\"");
        API.as(DSL).header("If-Match", "\"3\"").body(Map.of("reason", "Does not want to be photographed"))
                .post("/api/v1/pupils/" + pupil + "/objection").then().statusCode(201).header("ETag", "\"4\"");
        API.as(DSL).header("If-Match", "\"3\"").body(Map.of("reason", "Changed her mind"))
                .post("/api/v1/pupils/" + pupil + "/objection/lifting").then().statusCode(412);
        API.as(DSL).header("If-Match", "\"4\"").body(Map.of("reason", "Changed her mind"))
                .post("/api/v1/pupils/" + pupil + "/objection/lifting").then().statusCode(200);
        API.badInput(STAFF).header("If-Match", "not-an-etag").body(paperForm("PRINT")).post(consents(pupil)).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void con1_eachChannelKeepsItsOwnConsentAndTheVersionGrows() {
        String pupil = newPupil();
        record(STAFF, pupil, paperForm("PRINT")).statusCode(201);
        Map<String, Object> online = Map.of("channel", "WEBSITE", "givenBy", "parent-1", "method", "SIGNED_ONLINE",
                "givenOn", "2026-09-04", "validUntil", "2026-12-19");
        record(PARENT, pupil, online).statusCode(201).header("ETag", "\"2\"");
        API.as(AUDITOR).get(consents(pupil)).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("consents.channel", containsInAnyOrder("WEBSITE", "PRINT"))
                .body("consents.find { it.channel == 'WEBSITE' }.validUntil", equalTo("2026-12-19"))
                .body("consents.find { it.channel == 'WEBSITE' }.formReference", nullValue());
    }

    @Test
    void con1_aParentReadsOnlyTheirOwnChildren() {
        String pupil = newPupil();
        API.as(PARENT).get(consents(pupil)).then().statusCode(200).body("consents.size()", equalTo(0));
        record(STAFF, pupil, paperForm("PRINT")).statusCode(201);
        API.as(PARENT).get(consents(pupil)).then().statusCode(200).body("consents[0].givenBy", equalTo("parent-1"));
        API.as(OTHER_PARENT).get(consents(pupil)).then().statusCode(404).contentType("application/problem+json");
    }

    /** CON-1, issue 11: to a parent of another family the pupil does not exist (404, as for an unknown id). */
    @Test
    void con1_onlyAnAdultWithParentalResponsibilityGivesConsent() {
        String pupil = newPupil();
        record(OTHER_PARENT, pupil, Map.of("channel", "WEBSITE", "givenBy", "parent-2", "method", "SIGNED_ONLINE",
                "givenOn", "2026-09-04")).statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        Map<String, Object> forUnlinked = new HashMap<>(paperForm("PRINT"));
        forUnlinked.put("givenBy", "childminder-7");
        record(STAFF, pupil, forUnlinked).statusCode(422).body("code", equalTo("NO_PARENTAL_RESPONSIBILITY"));
    }

    @Test
    void con6_aPupilNotOnTheRosterGetsNoConsent() {
        String stranger = "pupil-" + UUID.randomUUID();
        record(STAFF, stranger, paperForm("PRINT")).statusCode(404).contentType("application/problem+json");
        API.as(STAFF).get(consents(stranger)).then().statusCode(404);
    }

    @Test
    void con2_aPupilsObjectionIsRecordedByStaffAndShown() {
        String pupil = newPupil();
        record(STAFF, pupil, paperForm("WEBSITE")).statusCode(201);
        API.as(PARENT).body(Map.of("reason", "Does not want photos online")).post("/api/v1/pupils/" + pupil + "/objection")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        API.as(DSL).body(Map.of("reason", "Does not want photos online")).post("/api/v1/pupils/" + pupil + "/objection")
                .then().statusCode(201).header("ETag", "\"2\"").body("objectedAt", org.hamcrest.Matchers.notNullValue());
        API.as(STAFF).body(Map.of()).post("/api/v1/pupils/" + pupil + "/objection")
                .then().statusCode(409).body("code", equalTo("ALREADY_OBJECTED"));
    }

    @Test
    void con3_aLinkedParentWithdrawsAtOnce() {
        String pupil = newPupil();
        record(STAFF, pupil, paperForm("WEBSITE")).statusCode(201);
        String withdrawal = consents(pupil) + "/WEBSITE/withdrawal";
        API.as(OTHER_PARENT).body(Map.of("withdrawnBy", "parent-2")).post(withdrawal).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        API.as(TestTokens.bearer("parent-3", TestTokens.SCHOOL, "PARENT")).body(Map.of("withdrawnBy", "parent-3"))
                .post(withdrawal).then().statusCode(200).header("ETag", "\"2\"").body("consents.size()", equalTo(0));
        API.as(PARENT).body(Map.of("withdrawnBy", "parent-1")).post(withdrawal).then().statusCode(409)
                .body("code", equalTo("NO_CONSENT_TO_WITHDRAW"));
        API.badInput(STAFF).body(Map.of()).post(withdrawal).then().statusCode(400).body("errors.field", hasItems("withdrawnBy"));
    }

    @Test
    void con1_aParentCannotGiveConsentInAnotherAdultsName() {
        record(TestTokens.bearer("parent-3", TestTokens.SCHOOL, "PARENT"), newPupil(), paperForm("WEBSITE")).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("NOT_THE_GIVER"));
    }

    @Test
    void con1_everyMissingFieldIsNamedInOneProblem() {
        API.badInput(STAFF).body(Map.of("formReference", "CF-1")).post(consents(newPupil())).then()
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
        API.badInput(STAFF).body(body).post(consents(newPupil())).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", containsInAnyOrder("formReference", "validUntil"));
    }

    @Test
    void con1_missingFieldsAndBrokenRulesAreNamedInTheSameProblem() {
        API.badInput(STAFF).body(Map.of("method", "PAPER_FORM", "givenOn", "2026-09-04", "validUntil", "2026-09-01"))
                .post(consents(newPupil())).then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", containsInAnyOrder("channel", "givenBy", "formReference", "validUntil"))
                .body("errors.find { it.field == 'formReference' }.message", equalTo("is required for a paper form"));
    }

    @Test
    void aRequestThatDidNotComeThroughTheGatewayIsRejected() {
        given().port(API.port()).contentType(ContentType.JSON).body(paperForm("PRINT"))
                .post(consents(newPupil())).then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anAuditorReadsButCannotRecord() {
        String pupil = newPupil();
        record(AUDITOR, pupil, paperForm("PRINT")).statusCode(403).body("code", equalTo("FORBIDDEN"));
        record(STAFF, pupil, paperForm("PRINT")).statusCode(201);
        API.as(AUDITOR).get(consents(pupil)).then().statusCode(200);
    }

    @Test
    void anotherSchoolSeesNothing() {
        String pupil = newPupil();
        record(STAFF, pupil, paperForm("PRINT")).statusCode(201);
        API.as(OTHER_SCHOOL_SLT).get(consents(pupil)).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerWithoutANewEvent() throws Exception {
        String pupil = newPupil();
        String key = UUID.randomUUID().toString();
        API.as(STAFF).header("Idempotency-Key", key).body(paperForm("PRINT")).post(consents(pupil))
                .then().statusCode(201).header("ETag", "\"1\"");
        long events = API.events();
        API.as(STAFF).header("Idempotency-Key", key).body(paperForm("PRINT")).post(consents(pupil))
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"1\"")
                .body("pupilId", equalTo(pupil));
        assertEquals(events, API.events());
        API.as(STAFF).header("Idempotency-Key", key).body(paperForm("WEBSITE")).post(consents(pupil))
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }
}
