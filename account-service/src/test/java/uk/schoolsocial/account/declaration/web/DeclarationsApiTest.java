package uk.schoolsocial.account.declaration.web;

import static org.hamcrest.Matchers.equalTo;
import static uk.schoolsocial.platform.testing.Bearers.DSL;
import static uk.schoolsocial.platform.testing.Bearers.SLT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** ACC-10 through HTTP, checked against account.yaml. */
@MicronautTest(transactional = false)
class DeclarationsApiTest implements DatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("account");

    private String declare() {
        return API.as(STAFF).body(Map.of("relatedTo", "PUPIL", "personName", "Ella Brown", "nature", "FAMILY",
                        "details", "My niece"))
                .post("/api/v1/staff/declarations").then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().header("Location");
    }

    @Test
    void acc10_declarationsAreVisibleToSltAndTheDslOnly() {
        String location = declare();
        API.as(SLT).get(location).then().statusCode(200).body("personName", equalTo("Ella Brown"));
        API.as(DSL).get(location).then().statusCode(200);
        API.as(STAFF).get(location).then().statusCode(403).contentType("application/problem+json");
        API.as(TestTokens.bearer("aud", TestTokens.SCHOOL, "AUDITOR")).get("/api/v1/staff/declarations").then()
                .statusCode(403);
        API.as(TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT")).get(location).then().statusCode(404);
        API.as(DSL).queryParam("status", "PENDING").get("/api/v1/staff/declarations").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void acc10_theHeadteacherApprovesOrRefusesWithAReasonButNotTheirOwn() {
        String location = declare();
        API.as(DSL).body(Map.of("reason", "x")).post(location + "/approval").then().statusCode(403);
        API.as(SLT).body(Map.of("reason", "Family link; private contact only")).post(location + "/approval").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("slt-1"));
        API.as(SLT).body(Map.of("reason", "again")).post(location + "/refusal").then().statusCode(409)
                .body("code", equalTo("ALREADY_DECIDED"));
        String own = API.as(SLT).body(Map.of("relatedTo", "PARENT", "personName", "Jo Brown", "nature", "FAMILY_FRIEND"))
                .post("/api/v1/staff/declarations").then().statusCode(201).extract().header("Location");
        API.as(SLT).body(Map.of("reason", "mine")).post(own + "/refusal").then().statusCode(403)
                .body("code", equalTo("OWN_DECLARATION"));
    }

    @Test
    void acc10_aRefusalRecordsTheHeadteachersReason() {
        String location = declare();
        API.as(SLT).body(Map.of("reason", "Ask a colleague to teach this pupil's set instead")).post(location + "/refusal")
                .then().statusCode(200).body("status", equalTo("REFUSED")).body("decidedBy", equalTo("slt-1"));
        API.as(DSL).get(location).then().statusCode(200).body("status", equalTo("REFUSED"));
    }

    @Test
    void acc10_badInputNamesTheField() {
        API.badInput(STAFF).body(Map.of("relatedTo", "PUPIL", "personName", " "))
                .post("/api/v1/staff/declarations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("personName"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("nature"));
        API.badInput(STAFF).body(Map.of("relatedTo", "TEACHER", "personName", "A", "nature", "FAMILY"))
                .post("/api/v1/staff/declarations").then().statusCode(400).contentType("application/problem+json");
    }
}
