package uk.schoolsocial.consent.publication.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.time.LocalDate;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import uk.schoolsocial.consent.publication.command.RegisterPublicationCommand;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ProcessorCoverage;
import uk.schoolsocial.consent.Scenario;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** CON-5 the register and CON-3 takedown on withdrawal, through the real HTTP stack and database. */
@MicronautTest(transactional = false)
class PublicationRegisterApiTest implements AccountEventsDatabaseTest {

    private static final ServiceApi API = new ServiceApi("consent");
    private static final String STAFF = Scenario.STAFF;
    private static final String ADMIN = TestTokens.bearer("admin-1", TestTokens.SCHOOL, "ACCOUNT_ADMIN");
    private static final String PARENT = TestTokens.bearer("parent-1", TestTokens.SCHOOL, "PARENT");
    private static final String PUBLICATIONS = "/api/v1/consents/publications";

    @Inject
    EmbeddedServer server;

    private RequestSpecification api(String token) {
        return API.as(server.getPort(), token);
    }

    private static Map<String, Object> content(String pupil) {
        return new HashMap<>(Map.of("channel", "WEBSITE", "pupilIds", List.of(pupil),
                "caption", "Harvest festival", "altText", "A class singing"));
    }

    private String checkId(Map<String, Object> content) {
        return api(STAFF).body(content).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(true)).extract().path("checkId");
    }

    private Map<String, Object> registration(Map<String, Object> content, String checkId) {
        Map<String, Object> body = new HashMap<>(content);
        body.put("checkId", checkId);
        body.put("link", "https://oakfield.sch.uk/news/harvest");
        body.put("publishedOn", "2026-10-01");
        return body;
    }

    @Test
    void con5_aCheckedPublicationIsRegisteredAndFoundByPupil() {
        Scenario scenario = new Scenario(this::api);
        String pupil = scenario.pupil("Ava", "Stone");
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> content = content(pupil);
        String id = api(STAFF).body(registration(content, checkId(content))).post(PUBLICATIONS).then().statusCode(201)
                .body("status", equalTo("PUBLISHED")).body("pupilIds", equalTo(List.of(pupil)))
                .body("registeredBy", equalTo("staff-1")).extract().path("id");
        api(TestTokens.bearer("auditor-1", TestTokens.SCHOOL, "AUDITOR")).queryParam("pupilId", pupil).get(PUBLICATIONS)
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        api(PARENT).queryParam("pupilId", pupil).get(PUBLICATIONS).then().statusCode(403);
    }

    /** Pages of a list: every id in order, following {@code page.nextCursor} until it is absent. */
    private List<String> allPages(String path, Map<String, Object> query, int limit, Runnable betweenPages) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = api(STAFF).queryParams(query).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            io.restassured.response.Response page = request.get(path).then().statusCode(200)
                    .body("page.limit", equalTo(limit)).extract().response();
            List<String> items = page.jsonPath().getList("items.id");
            org.junit.jupiter.api.Assertions.assertTrue(items.size() <= limit);
            ids.addAll(items);
            cursor = page.jsonPath().getString("page.nextCursor");
            betweenPages.run();
            org.junit.jupiter.api.Assertions.assertTrue(ids.size() <= 1_000, "the cursor never ends: " + path);
        } while (cursor != null);
        return ids;
    }

    /**
     * CON-5: a pupil's publications come a page at a time, newest first; the cursor continues where the page
     * ended, so a publication registered meanwhile is neither repeated nor makes one skipped.
     */
    @Test
    void con5_publicationsByPupilArePagedWithACursor() {
        Scenario scenario = new Scenario(this::api);
        String pupil = scenario.pupil("Dan", "Ives");
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> content = content(pupil);
        String checkId = checkId(content);
        List<String> registered = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registered.add(0, api(STAFF).body(registration(content, checkId)).post(PUBLICATIONS).then().statusCode(201)
                    .extract().path("id"));
        }
        List<String> oneGo = api(STAFF).queryParam("pupilId", pupil).get(PUBLICATIONS).then().statusCode(200)
                .body("page.nextCursor", org.hamcrest.Matchers.nullValue()).extract().path("items.id");
        assertEquals(registered, oneGo);
        int[] added = {0};
        List<String> paged = allPages(PUBLICATIONS, Map.of("pupilId", pupil), 2, () -> {
            if (added[0]++ == 0) {
                api(STAFF).body(registration(content, checkId)).post(PUBLICATIONS).then().statusCode(201);
            }
        });
        assertEquals(registered, paged, "newest first, each once; the one registered meanwhile is before the cursor");
        API.badInput(server.getPort(), STAFF).queryParam("cursor", "not-a-cursor").get(PUBLICATIONS).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("cursor"));
    }

    @Test
    void con5_registrationIsRefusedUnlessACheckOfTheSameContentPassed() {
        Scenario scenario = new Scenario(this::api);
        String pupil = scenario.pupil("Ben", "Hale");
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> checked = content(pupil);
        String checkId = checkId(checked);
        Map<String, Object> changed = new HashMap<>(checked);
        changed.put("caption", "Ben at the harvest festival");
        API.badInput(server.getPort(), STAFF).body(registration(changed, checkId)).post(PUBLICATIONS).then()
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("CHECK_NOT_PASSED")).body("errors.field", hasItems("checkId"));
        String other = scenario.pupil("Cara", "Moss");
        Map<String, Object> withoutConsent = content(other);
        String otherCheck = api(STAFF).body(withoutConsent).post("/api/v1/consents/checks").then()
                .body("allowed", equalTo(false)).extract().path("checkId");
        api(STAFF).body(registration(withoutConsent, otherCheck)).post(PUBLICATIONS).then().statusCode(422)
                .body("code", equalTo("CHECK_NOT_PASSED")).body("errors.field", hasItems("pupilIds"));
    }

    @Test
    void con3_aWithdrawalOpensATakedownTrackedToRemoval() {
        Scenario scenario = new Scenario(this::api);
        String pupil = scenario.pupil("Dan", "Frost");
        scenario.consent(pupil, "WEBSITE");
        scenario.consent(pupil, "PRINT");
        Map<String, Object> website = content(pupil);
        String id = api(STAFF).body(registration(website, checkId(website))).post(PUBLICATIONS).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> print = new HashMap<>(content(pupil));
        print.put("channel", "PRINT");
        String printed = api(STAFF).body(registration(print, checkId(print))).post(PUBLICATIONS).then().statusCode(201)
                .extract().path("id");

        api(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        api(STAFF).body(website).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(false)).body("reasons.code", hasItem("NO_VALID_CONSENT"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api(STAFF).get("/api/v1/consents/takedowns").then()
                .statusCode(200).body("items.id", hasItem(id)));
        api(STAFF).get("/api/v1/consents/takedowns").then()
                .body("items.id", not(hasItem(printed)))
                .body("items.find { it.id == '" + id + "' }.takedownFor", equalTo(List.of(pupil)))
                .body("items.find { it.id == '" + id + "' }.status", equalTo("TAKEDOWN_OPEN"));

        api(ADMIN).header("If-Match", "\"0\"").body(Map.of("note", "Removed from the news page"))
                .post(PUBLICATIONS + "/" + id + "/takedown").then().statusCode(412)
                .body("code", equalTo("VERSION_MISMATCH"));
        api(ADMIN).body(Map.of("note", "Removed from the news page"))
                .post(PUBLICATIONS + "/" + id + "/takedown").then().statusCode(200)
                .body("status", equalTo("TAKEN_DOWN")).body("takenDownBy", equalTo("admin-1"));
        api(STAFF).get("/api/v1/consents/takedowns").then().body("items.id", not(hasItem(id)));
        api(STAFF).queryParam("status", "DONE").get("/api/v1/consents/takedowns").then().body("items.id", hasItem(id));
        List<String> done = api(STAFF).queryParam("status", "DONE").queryParam("limit", 200)
                .get("/api/v1/consents/takedowns").then().extract().path("items.id");
        assertEquals(done, allPages("/api/v1/consents/takedowns", Map.of("status", "DONE"), 1, () -> { }),
                "the takedowns a page at a time are those of one page, oldest first");
        api(ADMIN).body(Map.of()).post(PUBLICATIONS + "/" + id + "/takedown").then().statusCode(409)
                .body("code", equalTo("NO_OPEN_TAKEDOWN"));
        api(ADMIN).body(Map.of()).post(PUBLICATIONS + "/" + printed + "/takedown").then().statusCode(409);
        api(TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT")).body(Map.of())
                .post(PUBLICATIONS + "/" + printed + "/takedown").then().statusCode(404);
    }

    @Inject
    org.axonframework.config.Configuration axon;

    @Test
    void issue11_everyProcessorParksWhatItCannotHandle() {
        // The one-sequence publications processor, and official-accounts reading account-service's events.
        ProcessorCoverage.everyStreamingProcessorParks(axon, "publications", "pupil-consents", "official-accounts",
                "change-feed");
    }

    @Inject
    CommandGateway commands;

    @Test
    void con3_aPublicationRegisteredJustAfterAWithdrawalOfItsPupilStillGetsItsTakedown() {
        Scenario scenario = new Scenario(this::api);
        String pupil = scenario.pupil("Eli", "Grant");
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> website = content(pupil);
        String checkId = checkId(website);
        api(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        // The registration whose check passed a moment before the withdrawal commits just after it.
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterPublicationCommand(id,
                TestTokens.SCHOOL, ConsentChannel.WEBSITE, null, "https://oakfield.sch.uk/news/race", List.of(pupil),
                LocalDate.parse("2026-10-02"), checkId, true, "staff-1"))
                .andMetaData(PlatformAxonContext.audit(TestTokens.SCHOOL)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> api(STAFF).get("/api/v1/consents/takedowns").then()
                .statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.takedownFor", equalTo(List.of(pupil))));
    }

    /**
     * CON-3: a withdrawal is remembered only until consent is given again, so a publication registered
     * after the new consent gets no takedown.
     */
    @Test
    void con3_aConsentGivenAgainOpensNoTakedownForALaterPublication() {
        Scenario scenario = new Scenario(this::api);
        String pupil = scenario.pupil("Fay", "Grant");
        scenario.consent(pupil, "WEBSITE");
        api(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> website = content(pupil);
        String id = api(STAFF).body(registration(website, checkId(website))).post(PUBLICATIONS).then()
                .statusCode(201).extract().path("id");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> api(STAFF)
                .queryParam("limit", 200).get("/api/v1/consents/takedowns").then().statusCode(200)
                .body("items.id", not(hasItem(id))));
        api(STAFF).queryParam("pupilId", pupil).get(PUBLICATIONS).then().statusCode(200)
                .body("items[0].status", equalTo("PUBLISHED"));
    }
}
