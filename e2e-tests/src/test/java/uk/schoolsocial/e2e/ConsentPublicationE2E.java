package uk.schoolsocial.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Image consent through the gateway (CON-1 to CON-6): the MIS pushes a pupil with their parent, the
 * parent consents, the check passes and the publication is registered; the parent withdraws, the
 * check now fails and a takedown task lists the publication.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentPublicationE2E {

    private static final String PUPIL = "e2e-pupil-3107";

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launched("consent-publication", 18380);

    @Test
    void aWithdrawalStopsNewPublicationsAndOpensATakedown() {
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("pupilId", PUPIL, "forename", "Zoë", "surname", "Ó Briain",
                        "yearGroup", "Year 5", "dateOfBirth", "2016-03-14", "parentalResponsibility", List.of("demo-parent")))))
                .post("/api/v1/pupils/roster").then().statusCode(200).body("added", equalTo(1));
        SUITE.as("parent").body(Map.of("channel", "WEBSITE", "givenBy", "demo-parent", "method", "SIGNED_ONLINE",
                        "givenOn", LocalDate.now().toString()))
                .post("/api/v1/pupils/" + PUPIL + "/consents").then().statusCode(201);

        Map<String, Object> content = Map.of("channel", "WEBSITE", "pupilIds", List.of(PUPIL),
                "caption", "Year 5 built a rain gauge", "altText", "A pupil from behind in the garden");
        String checkId = SUITE.as("staff").body(content).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(true)).extract().path("checkId");
        Map<String, Object> registration = new HashMap<>(content);
        registration.put("checkId", checkId);
        registration.put("link", "https://demo-school.example/news/rain-gauge");
        registration.put("publishedOn", LocalDate.now().toString());
        String publication = SUITE.as("staff").body(registration).post("/api/v1/consents/publications").then()
                .statusCode(201).body("status", equalTo("PUBLISHED")).extract().path("id");

        SUITE.as("parent").body(Map.of("withdrawnBy", "demo-parent"))
                .post("/api/v1/pupils/" + PUPIL + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        SUITE.as("staff").body(content).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(false)).body("reasons.code", hasItem("NO_VALID_CONSENT"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                SUITE.as("staff").get("/api/v1/consents/takedowns").then().statusCode(200)
                        .body("items.id", hasItem(publication))
                        .body("items.find { it.id == '" + publication + "' }.takedownFor", equalTo(List.of(PUPIL))));
    }

    /** An official account made live in account-service, as its own e2e path does; returns its id. */
    private String liveAccount() {
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("staffId", "demo-staff", "forename", "Dee", "surname", "Moss"),
                        Map.of("staffId", "demo-dsl", "forename", "Sam", "surname", "Lowe"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        String application = SUITE.as("staff").body(Map.of("platform", "INSTAGRAM", "proposedName", "Demo PE",
                        "aim", "Fixtures", "audience", "Parents", "promotion", "Newsletter",
                        "administrators", List.of("demo-staff", "demo-dsl"), "privacy", "PRIVATE",
                        "privacyReason", "Followers approved"))
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
        SUITE.as("slt").body(Map.of("reason", "Clear aim")).post(application + "/approval").then().statusCode(200);
        Map<String, Object> provisioning = new HashMap<>(Map.of("applicationId",
                application.substring(application.lastIndexOf('/') + 1), "handle", "demo_pe", "displayName", "Demo PE",
                "whoMayPost", List.of("demo-staff", "demo-dsl"), "followersApproved", true, "taggingOff", true,
                "aupLink", "https://demo-school.example/aup"));
        String account = SUITE.as("admin").body(provisioning).post("/api/v1/accounts").then().statusCode(201)
                .extract().header("Location");
        for (String user : List.of("staff", "dsl")) {
            SUITE.as(user).body(Map.of("policyVersion", 1)).post(account + "/acknowledgements").then().statusCode(200);
            SUITE.as("slt").body(Map.of("administratorId", "demo-" + user)).post(account + "/trainings").then().statusCode(200);
        }
        SUITE.as("slt").get(account).then().statusCode(200).body("status", equalTo("LIVE"));
        return account.substring(account.lastIndexOf('/') + 1);
    }

    @Test
    void anAccountSuspendedInAccountServiceFailsTheCheck() {
        String pupil = "e2e-pupil-4410";
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("pupilId", pupil, "forename", "Ravi", "surname", "Kaur",
                        "yearGroup", "Year 6", "dateOfBirth", "2015-05-02", "parentalResponsibility", List.of("demo-parent")))))
                .post("/api/v1/pupils/roster").then().statusCode(200);
        SUITE.as("parent").body(Map.of("channel", "OFFICIAL_SOCIAL_MEDIA", "givenBy", "demo-parent", "method", "SIGNED_ONLINE",
                        "givenOn", LocalDate.now().toString()))
                .post("/api/v1/pupils/" + pupil + "/consents").then().statusCode(201);
        String account = liveAccount();
        Map<String, Object> content = Map.of("channel", "OFFICIAL_SOCIAL_MEDIA", "officialAccountId", account,
                "pupilIds", List.of(pupil), "caption", "Year 6 football final", "altText", "A team from behind");
        // consent-service learns the account from account-service's event store, a moment behind.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                SUITE.as("staff").body(content).post("/api/v1/consents/checks").then().statusCode(200)
                        .body("allowed", equalTo(true)));
        String checkId = SUITE.as("staff").body(content).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(true)).extract().path("checkId");
        Map<String, Object> registration = new HashMap<>(content);
        registration.put("checkId", checkId);
        registration.put("link", "https://instagram.com/p/demo-final");
        registration.put("publishedOn", LocalDate.now().toString());
        SUITE.as("staff").body(registration).post("/api/v1/consents/publications").then().statusCode(201);

        SUITE.as("slt").body(Map.of("reason", "Password leaked")).post("/api/v1/accounts/" + account + "/suspension")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                SUITE.as("staff").body(content).post("/api/v1/consents/checks").then().statusCode(200)
                        .body("allowed", equalTo(false))
                        .body("reasons.code", equalTo(List.of("ACCOUNT_NOT_LIVE"))));
    }

    /** Issue 18: the MIS's CSV export goes through the gateway as it is, UTF-8 and its size limit intact. */
    @Test
    void aCsvRosterExportIsTakenThroughTheGateway() {
        String file = "UPN,Legal Forename,Legal Surname,Year,DOB,Parental Responsibility\r\n"
                + "e2e-pupil-csv-1,Zoë,Ó Briain,Year 4,14/03/2017,demo-parent\r\n";
        SUITE.as("mis").contentType("text/csv; charset=UTF-8").body(file).post("/api/v1/pupils/roster.csv").then()
                .statusCode(200).body("added", equalTo(1));
        SUITE.as("parent").get("/api/v1/pupils/e2e-pupil-csv-1/consents").then().statusCode(200)
                .body("yearGroup", equalTo("Year 4"));
        SUITE.as("mis").contentType("text/csv; charset=UTF-8").body(file.replace("14/03/2017", "2017-13-01"))
                .post("/api/v1/pupils/roster.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("rows[2].dateOfBirth"));
    }
}
