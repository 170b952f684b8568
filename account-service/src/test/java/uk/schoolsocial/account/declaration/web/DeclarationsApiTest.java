package uk.schoolsocial.account.declaration.web;

import static org.hamcrest.Matchers.equalTo;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.DatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** ACC-10 through HTTP, checked against account.yaml. */
@MicronautTest(transactional = false)
class DeclarationsApiTest implements DatabaseTest {

    private static final ServiceApi API = new ServiceApi("account");
    private static final String STAFF = TestTokens.bearer("staff-1", TestTokens.SCHOOL, "STAFF");
    private static final String SLT = TestTokens.bearer("slt-1", TestTokens.SCHOOL, "SLT");
    private static final String DSL = TestTokens.bearer("dsl-1", TestTokens.SCHOOL, "DSL");

    @Inject
    EmbeddedServer server;

    private RequestSpecification api(String token) {
        return API.as(server.getPort(), token);
    }

    private String declare() {
        return api(STAFF).body(Map.of("relatedTo", "PUPIL", "personName", "Ella Brown", "nature", "FAMILY",
                        "details", "My niece"))
                .post("/api/v1/staff/declarations").then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().header("Location");
    }

    @Test
    void acc10_declarationsAreVisibleToSltAndTheDslOnly() {
        String location = declare();
        api(SLT).get(location).then().statusCode(200).body("personName", equalTo("Ella Brown"));
        api(DSL).get(location).then().statusCode(200);
        api(STAFF).get(location).then().statusCode(403).contentType("application/problem+json");
        api(TestTokens.bearer("aud", TestTokens.SCHOOL, "AUDITOR")).get("/api/v1/staff/declarations").then()
                .statusCode(403);
        api(TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT")).get(location).then().statusCode(404);
        api(DSL).queryParam("status", "PENDING").get("/api/v1/staff/declarations").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void acc10_theHeadteacherApprovesOrRefusesWithAReasonButNotTheirOwn() {
        String location = declare();
        api(DSL).body(Map.of("reason", "x")).post(location + "/approval").then().statusCode(403);
        api(SLT).body(Map.of("reason", "Family link; private contact only")).post(location + "/approval").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("slt-1"));
        api(SLT).body(Map.of("reason", "again")).post(location + "/refusal").then().statusCode(409)
                .body("code", equalTo("ALREADY_DECIDED"));
        String own = api(SLT).body(Map.of("relatedTo", "PARENT", "personName", "Jo Brown", "nature", "FAMILY_FRIEND"))
                .post("/api/v1/staff/declarations").then().statusCode(201).extract().header("Location");
        api(SLT).body(Map.of("reason", "mine")).post(own + "/refusal").then().statusCode(403)
                .body("code", equalTo("OWN_DECLARATION"));
    }

    @Test
    void acc10_aRefusalRecordsTheHeadteachersReason() {
        String location = declare();
        api(SLT).body(Map.of("reason", "Ask a colleague to teach this pupil's set instead")).post(location + "/refusal")
                .then().statusCode(200).body("status", equalTo("REFUSED")).body("decidedBy", equalTo("slt-1"));
        api(DSL).get(location).then().statusCode(200).body("status", equalTo("REFUSED"));
    }

    @Test
    void acc10_badInputNamesTheField() {
        API.badInput(server.getPort(), STAFF).body(Map.of("relatedTo", "PUPIL", "personName", " "))
                .post("/api/v1/staff/declarations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("personName"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("nature"));
        API.badInput(server.getPort(), STAFF).body(Map.of("relatedTo", "TEACHER", "personName", "A", "nature", "FAMILY"))
                .post("/api/v1/staff/declarations").then().statusCode(400).contentType("application/problem+json");
    }
}
