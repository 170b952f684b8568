package uk.schoolsocial.consent.publication.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.schoolsocial.platform.testing.Bearers.DSL;
import static uk.schoolsocial.platform.testing.Bearers.SLT;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.consent.Scenario;
import uk.schoolsocial.consent.publication.command.RegisterPublicationCommand;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * CON-2: an objection reaches what is already published, as a withdrawal does, and is lifted as a
 * recorded decision; CON-6: a leaver's publications get the school's choice for their channel, a
 * takedown or a review. Through the real HTTP stack and database, checked against consent.yaml.
 */
@MicronautTest(transactional = false)
class ObjectionsAndLeaversApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final String PUBLICATIONS = "/api/v1/consents/publications";
    private static final String TAKEDOWNS = "/api/v1/consents/takedowns";
    private static final String REVIEWS = "/api/v1/consents/reviews";

    @Inject
    CommandGateway commands;

    private static Map<String, Object> content(String channel, String... pupils) {
        return new HashMap<>(Map.of("channel", channel, "pupilIds", List.of(pupils),
                "caption", "Sports day", "altText", "Children running"));
    }

    private String checkId(Map<String, Object> content) {
        return API.as(STAFF).body(content).post("/api/v1/consents/checks").then().statusCode(200)
                .body("allowed", equalTo(true)).extract().path("checkId");
    }

    /** A publication of the content, checked and registered as staff would. */
    private String publish(Map<String, Object> content) {
        Map<String, Object> body = new HashMap<>(content);
        body.put("checkId", checkId(content));
        body.put("link", "https://oakfield.sch.uk/news/" + UUID.randomUUID());
        body.put("publishedOn", "2026-10-01");
        return API.as(STAFF).body(body).post(PUBLICATIONS).then().statusCode(201).extract().path("id");
    }

    private ValidatableResponse listed(String list, String publication) {
        return API.as(STAFF).queryParam("limit", 200).get(list).then().statusCode(200)
                .body("items.id", hasItem(publication));
    }

    private static String item(String publication) {
        return "items.find { it.id == '" + publication + "' }";
    }

    private void leave(String pupil, String givenName) {
        API.as(Scenario.MIS).body(Map.of("records", List.of(Map.of("pupilId", pupil, "forename", givenName,
                        "surname", "Leaver", "yearGroup", "Year 5", "dateOfBirth", "2016-03-14",
                        "parentalResponsibility", List.of("parent-1"), "leavingDate", "2026-07-20"))))
                .post("/api/v1/pupils/roster").then().statusCode(200).body("left", equalTo(1));
    }

    @Test
    void con2_anObjectionOpensATakedownForEveryPublicationOfThePupilOnEveryChannel() {
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Ivy", "Marsh");
        String other = scenario.pupil("Otto", "Reed");
        scenario.consent(pupil, "WEBSITE");
        scenario.consent(pupil, "PRINT");
        scenario.consent(other, "WEBSITE");
        String website = publish(content("WEBSITE", pupil, other));
        String print = publish(content("PRINT", pupil));
        String othersOnly = publish(content("WEBSITE", other));

        API.as(DSL).body(Map.of("reason", "Does not want her photo anywhere")).post("/api/v1/pupils/" + pupil + "/objection")
                .then().statusCode(201);

        for (String publication : List.of(website, print)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> listed(TAKEDOWNS, publication)
                    .body(item(publication) + ".takedownFor", equalTo(List.of(pupil)))
                    .body(item(publication) + ".takedownCauses[0].cause", equalTo("PUPIL_OBJECTED"))
                    .body(item(publication) + ".status", equalTo("TAKEDOWN_OPEN")));
        }
        API.as(STAFF).queryParam("limit", 200).get(TAKEDOWNS).then().body("items.id", not(hasItem(othersOnly)));
    }

    /** CON-2: the check passed a moment before the objection, the registration is stored just after it. */
    @Test
    void con2_aPublicationRegisteredJustAfterAnObjectionStillGetsItsTakedown() {
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Jude", "Marsh");
        scenario.consent(pupil, "WEBSITE");
        String checkId = checkId(content("WEBSITE", pupil));
        API.as(STAFF).body(Map.of()).post("/api/v1/pupils/" + pupil + "/objection").then().statusCode(201);
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterPublicationCommand(id,
                TestTokens.SCHOOL, ConsentChannel.WEBSITE, null, "https://oakfield.sch.uk/news/race", List.of(pupil),
                LocalDate.parse("2026-10-02"), checkId, true, "staff-1"))
                .andMetaData(PlatformAxonContext.audit(TestTokens.SCHOOL)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> listed(TAKEDOWNS, id)
                .body(item(id) + ".takedownCauses[0].cause", equalTo("PUPIL_OBJECTED")));
    }

    @Test
    void con2_aLiftedObjectionIsARecordedDecisionAndThePupilMayBePublishedAgain() throws Exception {
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Kit", "Marsh");
        scenario.consent(pupil, "WEBSITE");
        String lifting = "/api/v1/pupils/" + pupil + "/objection/lifting";
        API.as(STAFF).body(Map.of("reason", "Changed his mind")).post(lifting).then().statusCode(409)
                .body("code", equalTo("NO_OBJECTION_TO_LIFT"));
        API.as(STAFF).body(Map.of()).post("/api/v1/pupils/" + pupil + "/objection").then().statusCode(201);
        API.as(STAFF).body(content("WEBSITE", pupil)).post("/api/v1/consents/checks").then()
                .body("reasons.code", equalTo(List.of("OBJECTION")));
        API.badInput(DSL).body(Map.of("reason", " ")).post(lifting).then().statusCode(400)
                .body("errors.field", hasItems("reason"));

        long before = API.events();
        String key = UUID.randomUUID().toString();
        API.as(DSL).header("Idempotency-Key", key).body(Map.of("reason", "He asked to be in the team photo"))
                .post(lifting).then().statusCode(200).body("objectedAt", nullValue());
        API.as(DSL).header("Idempotency-Key", key).body(Map.of("reason", "He asked to be in the team photo"))
                .post(lifting).then().statusCode(200).header("Idempotent-Replayed", "true");
        assertEquals(before + 1, API.events(), "the lifting is recorded once");
        API.as(DSL).body(Map.of("reason", "Again")).post(lifting).then().statusCode(409)
                .body("code", equalTo("NO_OBJECTION_TO_LIFT"));
        API.as(TestTokens.bearer("auditor-1", TestTokens.SCHOOL, "AUDITOR"))
                .get("/api/v1/pupils/" + pupil + "/consents/history").then().statusCode(200)
                .body("entries[-1].type", equalTo("OBJECTION_LIFTED"))
                .body("entries[-1].recordedBy", equalTo("dsl-1"))
                .body("entries[-1].reason", equalTo("He asked to be in the team photo"));
        checkId(content("WEBSITE", pupil));
    }

    @Test
    void con6_aLeaversPublicationsAreListedForReviewByDefaultAndTheDecisionIsRecorded() {
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Lena", "Hart");
        String staying = scenario.pupil("Mo", "Hart");
        scenario.consent(pupil, "VIDEO_AND_LIVE_STREAM");
        scenario.consent(staying, "VIDEO_AND_LIVE_STREAM");
        String publication = publish(content("VIDEO_AND_LIVE_STREAM", pupil, staying));
        API.as(STAFF).get("/api/v1/consents/leaver-publications").then().statusCode(200)
                .body("channels.find { it.channel == 'VIDEO_AND_LIVE_STREAM' }.choice", equalTo("REVIEW"))
                .body("channels.find { it.channel == 'VIDEO_AND_LIVE_STREAM' }.setBy", nullValue());

        leave(pupil, "Lena");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> listed(REVIEWS, publication)
                .body(item(publication) + ".reviewFor", equalTo(List.of(pupil)))
                .body(item(publication) + ".reviewStatus", equalTo("OPEN"))
                .body(item(publication) + ".status", equalTo("PUBLISHED")));
        API.as(STAFF).queryParam("limit", 200).get(TAKEDOWNS).then().body("items.id", not(hasItem(publication)));

        API.as(SLT).body(Map.of("decision", "KEEP", "reason", "Filmed from behind")).post(PUBLICATIONS + "/" + publication
                        + "/review").then().statusCode(200)
                .body("reviewStatus", equalTo("DONE")).body("reviewDecision", equalTo("KEEP"))
                .body("reviewedBy", equalTo("slt-1")).body("status", equalTo("PUBLISHED"));
        API.as(STAFF).queryParam("limit", 200).get(REVIEWS).then().body("items.id", not(hasItem(publication)));
        API.as(STAFF).queryParam("status", "DONE").queryParam("limit", 200).get(REVIEWS).then().statusCode(200)
                .body("items.id", hasItem(publication));
        API.as(SLT).body(Map.of("decision", "KEEP")).post(PUBLICATIONS + "/" + publication + "/review").then()
                .statusCode(409).body("code", equalTo("NO_OPEN_REVIEW"));
        API.as(TestTokens.bearer("slt-9", TestTokens.OTHER_SCHOOL, "SLT")).body(Map.of("decision", "KEEP"))
                .post(PUBLICATIONS + "/" + publication + "/review").then().statusCode(404);
    }

    @Test
    void con6_whereTheSchoolTakesLeaversPublicationsDownTheirTakedownOpensAndAReviewCanDecideSo() {
        Scenario scenario = new Scenario(API::as);
        String pupil = scenario.pupil("Nia", "Hart");
        scenario.consent(pupil, "PRESS_AND_MEDIA");
        scenario.consent(pupil, "PRINT");
        String press = publish(content("PRESS_AND_MEDIA", pupil));
        String print = publish(content("PRINT", pupil));
        API.as(SLT).body(Map.of("choice", "TAKE_DOWN")).put("/api/v1/consents/leaver-publications/PRESS_AND_MEDIA")
                .then().statusCode(200)
                .body("channels.find { it.channel == 'PRESS_AND_MEDIA' }.choice", equalTo("TAKE_DOWN"))
                .body("channels.find { it.channel == 'PRESS_AND_MEDIA' }.setBy", equalTo("slt-1"))
                .body("channels.find { it.channel == 'PRINT' }.choice", equalTo("REVIEW"));
        API.as(SLT).body(Map.of("choice", "TAKE_DOWN")).put("/api/v1/consents/leaver-publications/PRESS_AND_MEDIA")
                .then().statusCode(200);

        leave(pupil, "Nia");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> listed(TAKEDOWNS, press)
                .body(item(press) + ".takedownCauses[0].cause", equalTo("PUPIL_LEFT")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> listed(REVIEWS, print));
        API.as(STAFF).body(Map.of("decision", "TAKE_DOWN")).post(PUBLICATIONS + "/" + print + "/review").then()
                .statusCode(200).body("status", equalTo("TAKEDOWN_OPEN")).body("reviewDecision", equalTo("TAKE_DOWN"))
                .body("takedownFor", equalTo(List.of(pupil)))
                .body("takedownCauses[0].cause", equalTo("PUPIL_LEFT"));
        API.as(STAFF).body(Map.of("note", "Pulled from the prospectus")).post(PUBLICATIONS + "/" + print + "/takedown")
                .then().statusCode(200).body("status", equalTo("TAKEN_DOWN"));
    }
}
