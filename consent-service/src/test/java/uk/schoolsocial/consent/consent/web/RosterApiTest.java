package uk.schoolsocial.consent.consent.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.schoolsocial.platform.testing.Bearers.MIS;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ServiceApi;

/** CON-6: the MIS pushes its roster, through the real HTTP stack and database, checked against consent.yaml. */
@MicronautTest(transactional = false)
class RosterApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final String ROSTER = "/api/v1/pupils/roster";

    private static Map<String, Object> pupil(String id, String yearGroup, String... parents) {
        return new HashMap<>(Map.of("pupilId", id, "forename", "Sam", "surname", "Patel", "yearGroup", yearGroup,
                "dateOfBirth", "2015-01-30", "parentalResponsibility", List.of(parents)));
    }

    @Test
    void con6_theSamePushTwiceAddsNoEvent() throws Exception {
        String a = "pupil-" + UUID.randomUUID();
        String b = "pupil-" + UUID.randomUUID();
        Map<String, Object> push = Map.of("records", List.of(pupil(a, "Year 6", "parent-1"), pupil(b, "Year 5", "parent-2")));
        API.as(MIS).body(push).post(ROSTER).then().statusCode(200)
                .body("added", equalTo(2)).body("updated", equalTo(0)).body("unchanged", equalTo(0));
        long events = API.events();
        API.as(MIS).body(push).post(ROSTER).then().statusCode(200)
                .body("added", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2))
                .body("left", equalTo(0));
        assertEquals(events, API.events());
    }

    @Test
    void con6_aChangeAndALinkAreTakenFromTheNextPush() {
        String id = "pupil-" + UUID.randomUUID();
        API.as(MIS).body(Map.of("records", List.of(pupil(id, "Year 5", "parent-2")))).post(ROSTER).then().statusCode(200);
        API.as(PARENT).get("/api/v1/pupils/" + id + "/consents").then().statusCode(404);
        API.as(MIS).body(Map.of("records", List.of(pupil(id, "Year 6", "parent-2", "parent-1")))).post(ROSTER).then()
                .statusCode(200).body("updated", equalTo(1)).body("added", equalTo(0));
        API.as(PARENT).get("/api/v1/pupils/" + id + "/consents").then().statusCode(200)
                .body("yearGroup", equalTo("Year 6"));
    }

    @Test
    void con6_aLeaverGetsNoNewConsent() {
        String id = "pupil-" + UUID.randomUUID();
        Map<String, Object> leaver = pupil(id, "Year 6", "parent-1");
        leaver.put("leavingDate", "2026-10-17");
        API.as(MIS).body(Map.of("records", List.of(leaver))).post(ROSTER).then().statusCode(200)
                .body("added", equalTo(1)).body("left", equalTo(1));
        API.as(STAFF).get("/api/v1/pupils/" + id + "/consents").then().statusCode(200).body("leavingDate", equalTo("2026-10-17"));
        API.as(PARENT).body(Map.of("channel", "WEBSITE", "givenBy", "parent-1", "method", "SIGNED_ONLINE",
                        "givenOn", "2026-10-20"))
                .post("/api/v1/pupils/" + id + "/consents").then().statusCode(422).body("code", equalTo("PUPIL_LEFT"));
        API.as(MIS).body(Map.of("records", List.of(leaver))).post(ROSTER).then().statusCode(200)
                .body("updated", equalTo(0)).body("left", equalTo(0));
    }

    @Test
    void con6_everyBadFieldOfThePushIsNamed() {
        Map<String, Object> bad = pupil("pupil-" + UUID.randomUUID(), " ", "parent-1");
        bad.remove("dateOfBirth");
        API.badInput(MIS).body(Map.of("records", List.of(bad))).post(ROSTER).then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("records[0].dateOfBirth", "records[0].yearGroup"));
    }

    @Test
    void con6_aPupilTwiceInOnePushIsRefused() {
        String id = "pupil-" + UUID.randomUUID();
        API.badInput(MIS).body(Map.of("records", List.of(pupil(id, "Year 5"), pupil(id, "Year 6"))))
                .post(ROSTER).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("records[1].pupilId"));
    }

    @Test
    void con6_onlyTheMisPushesTheRoster() {
        API.as(STAFF).body(Map.of("records", List.of(pupil("pupil-" + UUID.randomUUID(), "Year 5")))).post(ROSTER).then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    private RequestSpecification csv(String token, String body) {
        return API.as(token).contentType("text/csv; charset=UTF-8").body(body);
    }

    /** Issue 18, CON-6: the CSV an MIS exports, with its own headers, UK dates and a byte order mark. */
    @Test
    void con6_aCsvExportIsPushedLikeTheJsonRoster() {
        String a = "pupil-" + UUID.randomUUID();
        String b = "pupil-" + UUID.randomUUID();
        String file = "\uFEFFUPN,Legal Forename,Legal Surname,Year,DOB,Parental Responsibility,Leaving Date\r\n"
                + a + ",Zoë,\"Ó Briain, the second\",Year 5,14/03/2016,parent-1;parent-3,\r\n"
                + b + ",Sam,Patel,Year 6,2015-01-30,parent-2,17/10/2026\r\n";
        csv(MIS, file).post(ROSTER + ".csv").then().statusCode(200)
                .body("added", equalTo(2)).body("left", equalTo(1));
        API.as(PARENT).get("/api/v1/pupils/" + a + "/consents").then().statusCode(200)
                .body("yearGroup", equalTo("Year 5"));
        API.as(STAFF).get("/api/v1/pupils/" + b + "/consents").then().statusCode(200)
                .body("leavingDate", equalTo("2026-10-17"));
        csv(MIS, file).post(ROSTER + ".csv").then().statusCode(200)
                .body("updated", equalTo(0)).body("unchanged", equalTo(2));
        // the same pupils in JSON are the same records: nothing changes
        Map<String, Object> same = new HashMap<>(Map.of("pupilId", a, "forename", "Zoë",
                "surname", "Ó Briain, the second", "yearGroup", "Year 5", "dateOfBirth", "2016-03-14",
                "parentalResponsibility", List.of("parent-1", "parent-3")));
        API.as(MIS).body(Map.of("records", List.of(same))).post(ROSTER).then().statusCode(200)
                .body("unchanged", equalTo(1));
    }

    /** Issue 18: every bad cell is named by its row, and a file with one changes nothing. */
    @Test
    void con6_badRowsAreNamedAndNothingIsRecorded() throws Exception {
        String good = "pupil-" + UUID.randomUUID();
        long events = API.events();
        String file = "pupilId,forename,surname,yearGroup,dateOfBirth,parentalResponsibility\n"
                + good + ",Sam,Patel,Year 6,2015-01-30,parent-2\n"
                + "bad id!,Sam,Patel,Year 6,31/02/2016,parent-2\n"
                + good + ",Sam,,Year 6,2099-01-01,\n";
        API.badInput(MIS).contentType("text/csv; charset=UTF-8").body(file)
                .post(ROSTER + ".csv").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("rows[3].pupilId", "rows[3].dateOfBirth", "rows[4].surname"));
        API.badInput(MIS).contentType("text/csv; charset=UTF-8").body(file.replace("31/02", "28/02")
                        .replace("bad id!", "pupil-" + UUID.randomUUID()).replace(",Sam,,", ",Sam,Patel,"))
                .post(ROSTER + ".csv").then().statusCode(400)
                .body("errors.field", hasItems("rows[4].pupilId", "rows[4].dateOfBirth"));
        assertEquals(events, API.events());
        API.as(STAFF).get("/api/v1/pupils/" + good + "/consents").then().statusCode(404);
    }

    /** Issue 18: a header that is not a column is refused, never ignored (a misspelt leaving date loses leavers). */
    @Test
    void con6_anUnknownOrMissingColumnRefusesTheFile() {
        API.badInput(MIS).contentType("text/csv; charset=UTF-8")
                .body("pupilId,forename,surname,yearGroup,dateOfBirth,parentalResponsibility,Leaveing Date\n"
                        + "p-1,Sam,Patel,Year 6,2015-01-30,parent-2,17/10/2026\n")
                .post(ROSTER + ".csv").then().statusCode(400)
                .body("errors[0].field", equalTo("header"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Leaveing Date"));
        API.badInput(MIS).contentType("text/csv; charset=UTF-8")
                .body("pupilId,forename,surname,yearGroup,parentalResponsibility\np-1,Sam,Patel,Year 6,parent-2\n")
                .post(ROSTER + ".csv").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("dateOfBirth"));
        API.badInput(MIS).contentType("text/csv; charset=UTF-8")
                .body("pupilId,givenName\n\"p-1,Sam\n")
                .post(ROSTER + ".csv").then().statusCode(400).body("errors[0].field", equalTo("body"));
        API.badInput(MIS).body(Map.of("records", List.of()))
                .post(ROSTER + ".csv").then().statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("errors[0].message", equalTo("must be text/csv"));
        csv(STAFF, "pupilId\n").post(ROSTER + ".csv").then().statusCode(403);
    }
}
