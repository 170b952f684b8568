package uk.schoolsocial.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13: two instances of every service ({@code SMP_INSTANCES=2}) started together on an empty
 * database, one gateway balancing between them. Which instance answered is read from each instance's
 * own {@code /prometheus} (its count of requests by route): commands land on both, every write is read
 * back at once through the gateway whichever instance answers, the handover deadline (ACC-7, made due
 * in 3 s) is handled once although both instances poll the deadline table, and publication checks
 * (CON-4) answered by either instance agree, before and after a withdrawal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesE2E {

    private static final String PUPIL = "e2e-pupil-2201";

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launchedInstances("two-instances", 19280, 2, "-Dsmp.account.handover-due=PT3S",
            "-Dsmp.axon.deadline-poll=500ms");

    @Test
    void everyServiceRunsTwice() {
        assertEquals(List.of("account-service", "account-service-2", "incident-service", "incident-service-2",
                "consent-service", "consent-service-2"), List.copyOf(SUITE.suite().serviceUrls().keySet()));
        SUITE.suite().serviceUrls().forEach((name, url) ->
                given().baseUri(url.toString()).get("/health").then().statusCode(200));
    }

    @Test
    void commandsLandOnBothInstancesAndEachWriteIsReadBackAtOnce() {
        for (int i = 0; i < 6; i++) {
            String where = "https://facebook.com/localnews/posts/" + (2000 + i);
            String incident = SUITE.as("staff").body(Map.of(
                            "category", "DEFAMATORY_OR_OFFENSIVE_CONTENT",
                            "whatHappened", "A post calling a named teacher a liar, number " + i + ".",
                            "occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                            "platform", "Facebook",
                            "location", where,
                            "officialAccountInvolved", false,
                            "peopleInvolved", List.of(Map.of("role", "PARENT"))))
                    .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
            // Read-your-writes whichever instance answers: two reads in a row go to both.
            for (int read = 0; read < 2; read++) {
                SUITE.as("slt").get(incident).then().statusCode(200).body("location", equalTo(where))
                        .body("status", equalTo("REPORTED"));
            }
            SUITE.as("slt").body(Map.of("severity", "MEDIUM", "safeguarding", false, "possiblyIllegal", false,
                            "posterType", "THIRD_PARTY", "route", "PLATFORM", "notes", "Shared on a local news page"))
                    .post(incident + "/assessment").then().statusCode(200).body("status", equalTo("ASSESSED"));
            // Seven requests a round, an odd number: the instances take the rounds' creations in turn.
            for (int read = 0; read < 3; read++) {
                SUITE.as("slt").get(incident).then().statusCode(200).body("status", equalTo("ASSESSED"));
            }
        }
        for (String instance : List.of("incident-service", "incident-service-2")) {
            double posts = requests(instance, "POST", "/api/v1/incidents");
            double reads = requests(instance, "GET", "/api/v1/incidents/{");
            assertTrue(posts >= 1, instance + " took no POST /api/v1/incidents: " + posts);
            assertTrue(reads >= 1, instance + " answered no GET /api/v1/incidents/{id}: " + reads);
        }
    }

    private static Map<String, Object> member(String id, String forename, String surname) {
        return Map.of("staffId", id, "forename", forename, "surname", surname);
    }

    @Test
    void anOverdueHandoverIsEscalatedOnceByEitherInstance() throws InterruptedException {
        SUITE.as("mis").body(Map.of("records", List.of(member("demo-staff", "Sam", "Taylor"),
                        member("demo-dsl", "Dee", "Lewis"), member("demo-admin", "Alex", "Morgan"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        String application = SUITE.as("staff").body(Map.of("platform", "FACEBOOK", "proposedName", "Oakfield Year 6 News",
                        "aim", "Celebrate pupils' work", "audience", "Year 6 parents", "promotion", "Newsletter",
                        "administrators", List.of("demo-dsl", "demo-admin"), "privacy", "PRIVATE",
                        "privacyReason", "Approved parents only"))
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
        SUITE.as("slt").get(application).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        SUITE.as("slt").body(Map.of("reason", "Clear aim, two administrators")).post(application + "/approval")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        SUITE.as("slt").get(application).then().statusCode(200).body("status", equalTo("APPROVED"));
        String applicationId = application.substring(application.lastIndexOf('/') + 1);
        String account = SUITE.as("admin").body(Map.of("applicationId", applicationId, "handle", "oakfield_y6",
                        "displayName", "Oakfield Year 6", "whoMayPost", List.of("demo-dsl", "demo-admin"),
                        "followersApproved", true, "taggingOff", true, "aupLink", "https://oakfield.sch.uk/aup"))
                .post("/api/v1/accounts").then().statusCode(201).extract().header("Location");
        for (String user : List.of("dsl", "admin")) {
            SUITE.as(user).body(Map.of("policyVersion", 1)).post(account + "/acknowledgements").then().statusCode(200);
        }
        SUITE.as("slt").body(Map.of("administratorId", "demo-dsl")).post(account + "/trainings").then().statusCode(200);
        SUITE.as("slt").body(Map.of("administratorId", "demo-admin")).post(account + "/trainings").then().statusCode(200)
                .body("status", equalTo("LIVE"));
        SUITE.as("slt").get(account).then().statusCode(200).body("status", equalTo("LIVE"));

        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("staffId", "demo-dsl", "forename", "Dee", "surname", "Lewis",
                        "leavingDate", yesterday))))
                .post("/api/v1/staff/sync").then().statusCode(200).body("left", equalTo(1));
        String handover = await().atMost(Duration.ofSeconds(30)).until(() -> SUITE.as("slt")
                .get("/api/v1/accounts/handovers").then().statusCode(200).extract().path("items[0].id"), Objects::nonNull);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> SUITE.as("slt").queryParam("status", "ESCALATED")
                .get("/api/v1/accounts/handovers").then().statusCode(200).body("items.id", equalTo(List.of(handover))));
        // Both instances poll the deadline table every 500 ms: give a second firing time to happen.
        Thread.sleep(3_000);
        double escalations = commands("account-service", "EscalateHandoverCommand")
                + commands("account-service-2", "EscalateHandoverCommand");
        assertEquals(1.0, escalations, "the overdue handover's deadline fired once");
        List<String> history = SUITE.as("auditor").get(account + "/history").then().statusCode(200)
                .extract().path("items.type");
        assertEquals(1, history.stream().filter(Predicate.isEqual("HANDOVER_ESCALATED")).count(), history.toString());
        for (String instance : List.of("account-service", "account-service-2")) {
            assertTrue(requests(instance, "POST", null) >= 1, instance + " took no command");
        }
    }

    @Test
    void bothInstancesAnswerThePublicationCheckAlike() {
        SUITE.as("mis").body(Map.of("records", List.of(Map.of("pupilId", PUPIL, "forename", "Zoë", "surname", "Ó Briain",
                        "yearGroup", "Year 5", "dateOfBirth", "2016-03-14", "parentalResponsibility", List.of("demo-parent")))))
                .post("/api/v1/pupils/roster").then().statusCode(200).body("added", equalTo(1));
        SUITE.as("parent").body(Map.of("channel", "WEBSITE", "givenBy", "demo-parent", "method", "SIGNED_ONLINE",
                        "givenOn", LocalDate.now().toString()))
                .post("/api/v1/pupils/" + PUPIL + "/consents").then().statusCode(201);
        Map<String, Object> content = Map.of("channel", "WEBSITE", "pupilIds", List.of(PUPIL),
                "caption", "Year 5 built a rain gauge", "altText", "A pupil from behind in the garden");
        double before = requests("consent-service", "POST", "/api/v1/consents/checks");
        double beforeOther = requests("consent-service-2", "POST", "/api/v1/consents/checks");
        // Consecutive requests to one service go to its instances in turn: four checks, two on each.
        for (int i = 0; i < 4; i++) {
            SUITE.as("staff").body(content).post("/api/v1/consents/checks").then().statusCode(200)
                    .body("allowed", equalTo(true));
        }
        assertTrue(requests("consent-service", "POST", "/api/v1/consents/checks") > before, "consent-service checked");
        assertTrue(requests("consent-service-2", "POST", "/api/v1/consents/checks") > beforeOther,
                "consent-service-2 checked");

        SUITE.as("parent").body(Map.of("withdrawnBy", "demo-parent"))
                .post("/api/v1/pupils/" + PUPIL + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            SUITE.as("staff").body(content).post("/api/v1/consents/checks").then().statusCode(200)
                    .body("allowed", equalTo(false)).body("reasons.code", hasItem("NO_VALID_CONSENT"));
        }
    }

    /**
     * Requests one instance answered, by method and route template: any when {@code uri} is null, those
     * starting with it when it ends with {@code {} (a path variable), else that one.
     */
    private double requests(String instance, String method, String uri) {
        return scrape(instance, line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("method=\"" + method + "\"") && (uri == null
                || line.contains("uri=\"" + uri + (uri.endsWith("{") ? "" : "\""))));
    }

    /** Commands of one type one instance took in, whatever their outcome. */
    private double commands(String instance, String command) {
        return scrape(instance, line -> line.startsWith("commandBus_ingestedCounter_total{")
                && line.contains("payloadType=\"" + command + "\""));
    }

    private double scrape(String instance, Predicate<String> wanted) {
        URI url = SUITE.suite().serviceUrls().get(instance);
        String metrics = given().baseUri(url.toString()).get("/prometheus").then().statusCode(200).extract().asString();
        return metrics.lines().filter(wanted).mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
