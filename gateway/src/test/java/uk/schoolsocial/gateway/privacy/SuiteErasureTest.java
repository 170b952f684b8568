package uk.schoolsocial.gateway.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.gateway.GatewayApi;

/**
 * AUD-4 through a real gateway: {@code POST /api/v1/privacy/erasures} asks every service for holds,
 * refuses with every hold named before anything is erased, otherwise erases from each service with
 * the caller's Idempotency-Key; each service's own erasure API is routed to it by name, and the
 * subject access register still goes to account-service.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteErasureTest implements TestPropertyProvider {

    static final String DOWNSTREAM_PROPERTY = "test.privacy-downstream";

    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi(DOWNSTREAM_PROPERTY);

    private FakePrivacyController.Seen seen;

    @Override
    public Map<String, String> getProperties() {
        seen = GATEWAY.stubBean(FakePrivacyController.Seen.class);
        return GATEWAY.servicesAt("/fakes");
    }

    @BeforeEach
    void reset() {
        seen.reset();
    }

    @Test
    void aud4_aSubjectNoServiceHoldsIsErasedFromEveryServiceWithTheCallersKey() {
        GATEWAY.asJson("slt").header("Idempotency-Key", "erase-p1").body(Map.of("subjectType", "PUPIL", "subjectId", "p-1",
                        "ground", "CONSENT_WITHDRAWN", "dateOfBirth", "2015-03-09"))
                .post("/api/v1/privacy/erasures").then().statusCode(201)
                .body("subjectId", equalTo("p-1"))
                .body("services.service", equalTo(List.of("account", "consent", "incident")))
                .body("services.erasure.erasureId", equalTo(List.of("e-account", "e-consent", "e-incident")));
        assertEquals(List.of(
                "holds account PUPIL p-1 2015-03-09 true", "holds consent PUPIL p-1 2015-03-09 true",
                "holds incident PUPIL p-1 2015-03-09 true",
                "erase account p-1 erase-p1", "erase consent p-1 erase-p1", "erase incident p-1 erase-p1"), seen.calls);
    }

    @Test
    void aud4_aSuiteErasureIsCreatedWithALocationThatReadsItBackServiceByService() {
        String location = GATEWAY.asJson("slt").body(Map.of("subjectType", "PUPIL", "subjectId", "p-7", "ground", "OBJECTION"))
                .post("/api/v1/privacy/erasures").then().statusCode(201).extract().header("Location");
        // Issue 18: every 201 says where to read what it created.
        assertEquals("/api/v1/privacy/erasures?subjectType=PUPIL&subjectId=p-7", location);
        GATEWAY.asJson("auditor").get(location).then().statusCode(200).contentType("application/json")
                .body("subjectType", equalTo("PUPIL")).body("subjectId", equalTo("p-7"))
                .body("services.service", equalTo(List.of("account", "consent", "incident")))
                .body("services.erasure.erasureId", equalTo(List.of("e-account", "e-consent", "e-incident")));
        assertTrue(seen.calls.contains("register consent PUPIL p-7 1"), seen.calls.toString());

        GATEWAY.asJson("slt").queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-8").get("/api/v1/privacy/erasures")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        GATEWAY.asJson("staff").get(location).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        GATEWAY.asJson("slt").queryParam("subjectType", "PUPIL").get("/api/v1/privacy/erasures").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("subjectId"));
        // issue 12: a parameter the operation does not declare is refused, never ignored
        for (String path : List.of("/api/v1/privacy/erasures", "/api/v1/privacy/subject-access")) {
            GATEWAY.asJson("slt").queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-8").queryParam("updated_after", "x")
                    .get(path).then().statusCode(400).body("code", equalTo("UNKNOWN_PARAMETER"))
                    .body("errors.field", equalTo(List.of("updated_after")));
        }

        // An erasure that stopped part-way shows the services that did erase, and only those.
        seen.failing.add("consent");
        GATEWAY.asJson("slt").body(Map.of("subjectType", "PUPIL", "subjectId", "p-9", "ground", "OBJECTION"))
                .post("/api/v1/privacy/erasures").then().statusCode(502);
        GATEWAY.asJson("slt").queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-9").get("/api/v1/privacy/erasures")
                .then().statusCode(200).body("services.service", equalTo(List.of("account")));
    }

    @Test
    void aud4_aHoldInAnyServiceRefusesTheErasureBeforeAnythingIsErased() {
        GATEWAY.asJson("slt").body(Map.of("subjectType", "PUPIL", "subjectId", "held-1", "ground", "OBJECTION"))
                .post("/api/v1/privacy/erasures").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ERASURE_HELD"))
                .body("detail", containsString("incident: SAFEGUARDING_RECORD on INCIDENT:i-9 until 2040-03-09"))
                .body("detail", containsString("Nothing was erased"))
                .body("errors[0].field", equalTo("subjectId"));
        assertTrue(seen.calls.stream().noneMatch(call -> call.startsWith("erase")), seen.calls.toString());
    }

    @Test
    void aud4_onlySltErasesAndAServiceThatFailsIsNamed() {
        GATEWAY.asJson("auditor").body(Map.of("subjectType", "PUPIL", "subjectId", "p-1", "ground", "OBJECTION"))
                .post("/api/v1/privacy/erasures").then().statusCode(403);
        GATEWAY.asJson("slt").body("[1]").post("/api/v1/privacy/erasures").then().statusCode(400)
                .body("errors[0].message", equalTo("must be one JSON object"));
        GATEWAY.asJson("slt").body(Map.of("subjectType", "PUPIL", "subjectId", "p 1", "ground", "OBJECTION"))
                .post("/api/v1/privacy/erasures").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        seen.failing.add("consent");
        GATEWAY.asJson("slt").body(Map.of("subjectType", "PUPIL", "subjectId", "p-2", "ground", "OBJECTION"))
                .post("/api/v1/privacy/erasures").then().statusCode(502)
                .body("detail", containsString("The consent service failed"))
                .body("detail", containsString("send the same request again"));
        assertTrue(seen.calls.contains("erase account p-2 null") && !seen.calls.contains("erase incident p-2 null"),
                seen.calls.toString());
    }

    @Test
    void aud4_theSubjectAccessExportGathersEveryServiceAsJsonAndAsADocumentForTheFamily() {
        GATEWAY.asJson("slt").queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-4")
                .get("/api/v1/privacy/subject-access").then().statusCode(200).contentType("application/json")
                .body("subjectId", equalTo("p-4")).body("schoolId", equalTo("demo-school"))
                .body("services.service", equalTo(List.of("account", "consent", "incident")))
                .body("services[1].events[0].payload.givenName", equalTo("Ada <script>alert(1)</script>"));
        String html = GATEWAY.asJson("slt").accept("text/html").queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-4")
                .get("/api/v1/privacy/subject-access").then().statusCode(200).contentType("text/html")
                .extract().asString();
        assertTrue(html.contains("<h1>Personal data held about PUPIL p-4</h1>"), html);
        assertTrue(html.contains("<h2>Image consent and publications</h2>") && html.contains("Pupil rostered"), html);
        assertTrue(html.contains("Given name: Ada &lt;script&gt;alert(1)&lt;/script&gt;"), "escaped: " + html);
        assertTrue(html.contains("Family name: <span class=\"withheld\">erased</span>"), html);
        assertTrue(html.contains("People 1, description: <span class=\"withheld\">[withheld: another person&#39;s data]"),
                html);
        assertTrue(html.contains("<h2>Incidents</h2>\n<p>Nothing is held.</p>"), html);

        GATEWAY.asJson("auditor").queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-4")
                .get("/api/v1/privacy/subject-access").then().statusCode(403);
        GATEWAY.asJson("slt").queryParam("subjectType", "PUPIL").get("/api/v1/privacy/subject-access").then().statusCode(400)
                .body("errors[0].field", equalTo("subjectId"));
        for (String bad : List.of("p 4", "..", "p/../4")) {
            GATEWAY.asJson("slt").queryParam("subjectType", "PUPIL").queryParam("subjectId", bad)
                    .get("/api/v1/privacy/subject-access").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo("subjectId"));
        }
    }

    @Test
    void aud4_eachServicesErasureApiIsRoutedToItByName() {
        GATEWAY.asJson("slt").queryParam("subjectType", "PUPIL").queryParam("subjectId", "p-3")
                .get("/api/v1/privacy/incident/holds").then().statusCode(200);
        assertEquals(List.of("holds incident PUPIL p-3 null true"), seen.calls);
    }
}
