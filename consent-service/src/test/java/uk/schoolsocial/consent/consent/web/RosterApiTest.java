package uk.schoolsocial.consent.consent.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** CON-6: the MIS pushes its roster, through the real HTTP stack and database, checked against consent.yaml. */
@MicronautTest(transactional = false)
class RosterApiTest implements AccountEventsDatabaseTest {

    private static final ServiceApi API = new ServiceApi("consent");
    private static final String MIS = TestTokens.bearer("mis-1", TestTokens.SCHOOL, "INTEGRATION");
    private static final String STAFF = TestTokens.bearer("staff-1", TestTokens.SCHOOL, "STAFF");
    private static final String PARENT = TestTokens.bearer("parent-1", TestTokens.SCHOOL, "PARENT");
    private static final String ROSTER = "/api/v1/pupils/roster";

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;

    private RequestSpecification api(String token) {
        return API.as(server.getPort(), token);
    }

    private static Map<String, Object> pupil(String id, String yearGroup, String... parents) {
        return new HashMap<>(Map.of("pupilId", id, "givenName", "Sam", "familyName", "Patel", "yearGroup", yearGroup,
                "dateOfBirth", "2015-01-30", "parentalResponsibility", List.of(parents)));
    }

    @Test
    void con6_theSamePushTwiceAddsNoEvent() throws Exception {
        String a = "pupil-" + UUID.randomUUID();
        String b = "pupil-" + UUID.randomUUID();
        Map<String, Object> push = Map.of("pupils", List.of(pupil(a, "Year 6", "parent-1"), pupil(b, "Year 5", "parent-2")));
        api(MIS).body(push).post(ROSTER).then().statusCode(200)
                .body("received", equalTo(2)).body("changed", equalTo(2)).body("unchanged", equalTo(0));
        long events = ServiceApi.eventCount(dataSource);
        api(MIS).body(push).post(ROSTER).then().statusCode(200)
                .body("received", equalTo(2)).body("changed", equalTo(0)).body("unchanged", equalTo(2))
                .body("leavers", equalTo(0));
        assertEquals(events, ServiceApi.eventCount(dataSource));
    }

    @Test
    void con6_aChangeAndALinkAreTakenFromTheNextPush() {
        String id = "pupil-" + UUID.randomUUID();
        api(MIS).body(Map.of("pupils", List.of(pupil(id, "Year 5", "parent-2")))).post(ROSTER).then().statusCode(200);
        api(PARENT).get("/api/v1/pupils/" + id + "/consents").then().statusCode(404);
        api(MIS).body(Map.of("pupils", List.of(pupil(id, "Year 6", "parent-2", "parent-1")))).post(ROSTER).then()
                .statusCode(200).body("changed", equalTo(1));
        api(PARENT).get("/api/v1/pupils/" + id + "/consents").then().statusCode(200)
                .body("yearGroup", equalTo("Year 6"));
    }

    @Test
    void con6_aLeaverGetsNoNewConsent() {
        String id = "pupil-" + UUID.randomUUID();
        Map<String, Object> leaver = pupil(id, "Year 6", "parent-1");
        leaver.put("leftOn", "2026-10-17");
        api(MIS).body(Map.of("pupils", List.of(leaver))).post(ROSTER).then().statusCode(200)
                .body("changed", equalTo(1)).body("leavers", equalTo(1));
        api(STAFF).get("/api/v1/pupils/" + id + "/consents").then().statusCode(200).body("leftOn", equalTo("2026-10-17"));
        api(PARENT).body(Map.of("channel", "WEBSITE", "givenBy", "parent-1", "method", "SIGNED_ONLINE",
                        "givenOn", "2026-10-20"))
                .post("/api/v1/pupils/" + id + "/consents").then().statusCode(422).body("code", equalTo("PUPIL_LEFT"));
        api(MIS).body(Map.of("pupils", List.of(leaver))).post(ROSTER).then().statusCode(200)
                .body("changed", equalTo(0)).body("leavers", equalTo(0));
    }

    @Test
    void con6_everyBadFieldOfThePushIsNamed() {
        Map<String, Object> bad = pupil("pupil-" + UUID.randomUUID(), " ", "parent-1");
        bad.remove("dateOfBirth");
        API.badInput(server.getPort(), MIS).body(Map.of("pupils", List.of(bad))).post(ROSTER).then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("pupils[0].dateOfBirth", "pupils[0].yearGroup"));
    }

    @Test
    void con6_aPupilTwiceInOnePushIsRefused() {
        String id = "pupil-" + UUID.randomUUID();
        API.badInput(server.getPort(), MIS).body(Map.of("pupils", List.of(pupil(id, "Year 5"), pupil(id, "Year 6"))))
                .post(ROSTER).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("pupils[1].pupilId"));
    }

    @Test
    void con6_onlyTheMisPushesTheRoster() {
        api(STAFF).body(Map.of("pupils", List.of(pupil("pupil-" + UUID.randomUUID(), "Year 5")))).post(ROSTER).then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
    }
}
