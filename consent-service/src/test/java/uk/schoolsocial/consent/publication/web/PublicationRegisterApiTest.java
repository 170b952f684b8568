package uk.schoolsocial.consent.publication.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

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

        api(ADMIN).body(Map.of("note", "Removed from the news page"))
                .post(PUBLICATIONS + "/" + id + "/takedown").then().statusCode(200)
                .body("status", equalTo("TAKEN_DOWN")).body("takenDownBy", equalTo("admin-1"));
        api(STAFF).get("/api/v1/consents/takedowns").then().body("items.id", not(hasItem(id)));
        api(STAFF).queryParam("status", "DONE").get("/api/v1/consents/takedowns").then().body("items.id", hasItem(id));
        api(ADMIN).body(Map.of()).post(PUBLICATIONS + "/" + id + "/takedown").then().statusCode(409)
                .body("code", equalTo("NO_OPEN_TAKEDOWN"));
        api(ADMIN).body(Map.of()).post(PUBLICATIONS + "/" + printed + "/takedown").then().statusCode(409);
        api(TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT")).body(Map.of())
                .post(PUBLICATIONS + "/" + printed + "/takedown").then().statusCode(404);
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
}
