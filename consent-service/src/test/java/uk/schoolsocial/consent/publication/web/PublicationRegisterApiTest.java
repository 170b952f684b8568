package uk.schoolsocial.consent.publication.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.schoolsocial.platform.testing.Bearers.ADMIN;
import static uk.schoolsocial.platform.testing.Bearers.PARENT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

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
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final String PUBLICATIONS = "/api/v1/consents/publications";

    private static Map<String, Object> content(String pupil) {
        return new HashMap<>(Map.of("channel", "WEBSITE", "pupilIds", List.of(pupil),
                "caption", "Harvest festival", "altText", "A class singing"));
    }

    private String checkId(Map<String, Object> content) {
        return API.as(STAFF).body(content).post("/api/v1/consents/checks").then().statusCode(200)
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
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Ava", "Stone");
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> content = content(pupil);
        String id = API.as(STAFF).body(registration(content, checkId(content))).post(PUBLICATIONS).then().statusCode(201)
                .body("status", equalTo("PUBLISHED")).body("pupilIds", equalTo(List.of(pupil)))
                .body("registeredBy", equalTo("staff-1")).extract().path("id");
        API.as(TestTokens.bearer("auditor-1", TestTokens.SCHOOL, "AUDITOR")).queryParam("pupilId", pupil).get(PUBLICATIONS)
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        API.as(PARENT).queryParam("pupilId", pupil).get(PUBLICATIONS).then().statusCode(403);
    }

    /** Pages of a list: every id in order, following {@code page.nextCursor} until it is absent. */
    private List<String> allPages(String path, Map<String, Object> query, int limit, Runnable betweenPages) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = API.as(STAFF).queryParams(query).queryParam("limit", limit);
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
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Dan", "Ives");
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> content = content(pupil);
        String checkId = checkId(content);
        List<String> registered = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            registered.add(0, API.as(STAFF).body(registration(content, checkId)).post(PUBLICATIONS).then().statusCode(201)
                    .extract().path("id"));
        }
        List<String> oneGo = API.as(STAFF).queryParam("pupilId", pupil).get(PUBLICATIONS).then().statusCode(200)
                .body("page.nextCursor", org.hamcrest.Matchers.nullValue()).extract().path("items.id");
        assertEquals(registered, oneGo);
        int[] added = {0};
        List<String> paged = allPages(PUBLICATIONS, Map.of("pupilId", pupil), 2, () -> {
            if (added[0]++ == 0) {
                API.as(STAFF).body(registration(content, checkId)).post(PUBLICATIONS).then().statusCode(201);
            }
        });
        assertEquals(registered, paged, "newest first, each once; the one registered meanwhile is before the cursor");
        API.badInput(STAFF).queryParam("cursor", "not-a-cursor").get(PUBLICATIONS).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("cursor"));
    }

    @Test
    void con5_registrationIsRefusedUnlessACheckOfTheSameContentPassed() {
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Ben", "Hale");
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> checked = content(pupil);
        String checkId = checkId(checked);
        Map<String, Object> changed = new HashMap<>(checked);
        changed.put("caption", "Ben at the harvest festival");
        API.badInput(STAFF).body(registration(changed, checkId)).post(PUBLICATIONS).then()
                .statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("CHECK_NOT_PASSED")).body("errors.field", hasItems("checkId"));
        String other = scenario.pupil("Cara", "Moss");
        Map<String, Object> withoutConsent = content(other);
        String otherCheck = API.as(STAFF).body(withoutConsent).post("/api/v1/consents/checks").then()
                .body("allowed", equalTo(false)).extract().path("checkId");
        API.as(STAFF).body(registration(withoutConsent, otherCheck)).post(PUBLICATIONS).then().statusCode(422)
                .body("code", equalTo("CHECK_NOT_PASSED")).body("errors.field", hasItems("pupilIds"));
    }

    @Test
    void con3_aWithdrawalOpensATakedownTrackedToRemoval() {
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Dan", "Frost");
        scenario.consent(pupil, "WEBSITE");
        scenario.consent(pupil, "PRINT");
        Map<String, Object> website = content(pupil);
        String id = API.as(STAFF).body(registration(website, checkId(website))).post(PUBLICATIONS).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> print = new HashMap<>(content(pupil));
        print.put("channel", "PRINT");
        String printed = API.as(STAFF).body(registration(print, checkId(print))).post(PUBLICATIONS).then().statusCode(201)
                .extract().path("id");

        API.as(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        API.as(STAFF).body(website).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(false)).body("reasons.code", hasItem("NO_VALID_CONSENT"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> API.as(STAFF).get("/api/v1/consents/takedowns").then()
                .statusCode(200).body("items.id", hasItem(id)));
        API.as(STAFF).get("/api/v1/consents/takedowns").then()
                .body("items.id", not(hasItem(printed)))
                .body("items.find { it.id == '" + id + "' }.takedownFor", equalTo(List.of(pupil)))
                .body("items.find { it.id == '" + id + "' }.status", equalTo("TAKEDOWN_OPEN"));

        API.as(ADMIN).header("If-Match", "\"0\"").body(Map.of("note", "Removed from the news page"))
                .post(PUBLICATIONS + "/" + id + "/takedown").then().statusCode(412)
                .body("code", equalTo("VERSION_MISMATCH"));
        API.as(ADMIN).body(Map.of("note", "Removed from the news page"))
                .post(PUBLICATIONS + "/" + id + "/takedown").then().statusCode(200)
                .body("status", equalTo("TAKEN_DOWN")).body("takenDownBy", equalTo("admin-1"));
        API.as(STAFF).get("/api/v1/consents/takedowns").then().body("items.id", not(hasItem(id)));
        API.as(STAFF).queryParam("status", "DONE").get("/api/v1/consents/takedowns").then().body("items.id", hasItem(id));
        List<String> done = API.as(STAFF).queryParam("status", "DONE").queryParam("limit", 200)
                .get("/api/v1/consents/takedowns").then().extract().path("items.id");
        assertEquals(done, allPages("/api/v1/consents/takedowns", Map.of("status", "DONE"), 1, () -> { }),
                "the takedowns a page at a time are those of one page, oldest first");
        API.as(ADMIN).body(Map.of()).post(PUBLICATIONS + "/" + id + "/takedown").then().statusCode(409)
                .body("code", equalTo("NO_OPEN_TAKEDOWN"));
        API.as(ADMIN).body(Map.of()).post(PUBLICATIONS + "/" + printed + "/takedown").then().statusCode(409);
        API.as(TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT")).body(Map.of())
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
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Eli", "Grant");
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> website = content(pupil);
        String checkId = checkId(website);
        API.as(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        // The registration whose check passed a moment before the withdrawal commits just after it.
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterPublicationCommand(id,
                TestTokens.SCHOOL, ConsentChannel.WEBSITE, null, "https://oakfield.sch.uk/news/race", List.of(pupil),
                LocalDate.parse("2026-10-02"), checkId, true, "staff-1"))
                .andMetaData(PlatformAxonContext.audit(TestTokens.SCHOOL)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> API.as(STAFF).get("/api/v1/consents/takedowns").then()
                .statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.takedownFor", equalTo(List.of(pupil))));
    }

    /**
     * CON-3: a withdrawal is remembered only until consent is given again, so a publication registered
     * after the new consent gets no takedown.
     */
    @Test
    void con3_aConsentGivenAgainOpensNoTakedownForALaterPublication() {
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Fay", "Grant");
        scenario.consent(pupil, "WEBSITE");
        API.as(PARENT).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> website = content(pupil);
        String id = API.as(STAFF).body(registration(website, checkId(website))).post(PUBLICATIONS).then()
                .statusCode(201).extract().path("id");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> API.as(STAFF)
                .queryParam("limit", 200).get("/api/v1/consents/takedowns").then().statusCode(200)
                .body("items.id", not(hasItem(id))));
        API.as(STAFF).queryParam("pupilId", pupil).get(PUBLICATIONS).then().statusCode(200)
                .body("items[0].status", equalTo("PUBLISHED"));
    }
}
