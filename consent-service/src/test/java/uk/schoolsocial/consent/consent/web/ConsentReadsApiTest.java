package uk.schoolsocial.consent.consent.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.consent.Scenario;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** The consent sheet of a year group (JSON and CSV) and a pupil's consent history, through the real stack. */
@MicronautTest(transactional = false)
class ConsentReadsApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");

    private static Map<String, Object> pupil(String id, String given, String family, String yearGroup) {
        return Map.of("pupilId", id, "forename", given, "surname", family, "yearGroup", yearGroup,
                "dateOfBirth", "2016-03-14", "parentalResponsibility", List.of("parent-1"));
    }

    @Test
    void theSheetSaysWhoMayAppearWhereForOneYearGroup() {
        String yearGroup = "Class " + UUID.randomUUID().toString().substring(0, 8);
        String zara = "pupil-" + UUID.randomUUID();
        String adam = "pupil-" + UUID.randomUUID();
        String objecting = "pupil-" + UUID.randomUUID();
        API.as(Scenario.MIS).body(Map.of("records", List.of(pupil(zara, "Zara", "Young", yearGroup),
                        pupil(adam, "Adam", "=Ames", yearGroup), pupil(objecting, "Eli", "Ng, Jr", yearGroup))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        Scenario scenario = new Scenario(API::as);
        scenario.consent(zara, "WEBSITE");
        scenario.consent(zara, "PRINT");
        scenario.consent(objecting, "WEBSITE");
        API.as(STAFF).body(Map.of()).post("/api/v1/pupils/" + objecting + "/objection").then().statusCode(201);

        API.as(STAFF).queryParam("yearGroup", yearGroup).get("/api/v1/consents/sheet").then().statusCode(200)
                .body("pupils.pupilId", contains(adam, objecting, zara))
                .body("pupils[0].mayAppearOn.size()", equalTo(0))
                .body("pupils[1].objected", equalTo(true))
                .body("pupils[1].mayAppearOn.size()", equalTo(0))
                .body("pupils[2].mayAppearOn", contains("WEBSITE", "PRINT"));
        String csv = API.as(STAFF).accept("text/csv").queryParam("yearGroup", yearGroup)
                .get("/api/v1/consents/sheet.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(csv, startsWith(
                "pupilId,surname,forename,WEBSITE,OFFICIAL_SOCIAL_MEDIA,PRINT,PRESS_AND_MEDIA,VIDEO_AND_LIVE_STREAM,objected,left\r\n"));
        org.hamcrest.MatcherAssert.assertThat(csv, containsString(adam + ",'=Ames,Adam,no,no,no,no,no,no,no\r\n"));
        org.hamcrest.MatcherAssert.assertThat(csv, containsString(objecting + ",\"Ng, Jr\",Eli,no,no,no,no,no,yes,no\r\n"));
        org.hamcrest.MatcherAssert.assertThat(csv, containsString(zara + ",Young,Zara,yes,no,yes,no,no,no,no\r\n"));
        API.as(PARENT).queryParam("yearGroup", yearGroup).get("/api/v1/consents/sheet").then().statusCode(403);
        API.as(TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT")).queryParam("yearGroup", yearGroup)
                .get("/api/v1/consents/sheet").then().statusCode(200).body("pupils.size()", equalTo(0));
    }

    @Test
    void con1_con3_theHistoryTellsEveryStepInOrderWithWhoRecordedIt() {
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Mia", "Cole");
        scenario.consent(pupil, "WEBSITE");
        API.as(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        API.as(PARENT).get("/api/v1/pupils/" + pupil + "/consents/history").then().statusCode(200)
                .body("entries.type", contains("ROSTERED", "CONSENT_GIVEN", "CONSENT_WITHDRAWN"))
                .body("entries.recordedBy", contains("mis-1", "staff-1", "parent-1"))
                .body("entries[1].adult", equalTo("parent-1"))
                .body("entries[1].formReference", equalTo("CF-1"))
                .body("entries[2].channel", equalTo("WEBSITE"));
        API.as(TestTokens.bearer("parent-2", TestTokens.SCHOOL, "PARENT"))
                .get("/api/v1/pupils/" + pupil + "/consents/history").then().statusCode(404);
        API.as(TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT"))
                .get("/api/v1/pupils/" + pupil + "/consents/history").then().statusCode(404);
    }
}
