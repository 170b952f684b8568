package uk.schoolsocial.platform.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.schoolsocial.events.AuditChain;
import uk.schoolsocial.platform.axon.ReminderAggregate;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestDatabase;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * The audit API every service serves (AUD-2, AUD-3) over real HTTP, each exchange checked against
 * {@code audit.yaml}: only AUDITOR and SLT, only their own school, a cursor that resumes exactly,
 * records rebuilt as of an instant, and an export that verifies offline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest {

    private static final ServiceApi API = new ServiceApi("audit");
    private static final String BASE = "/api/v1/audit/account";
    private static final String AUDITOR = TestTokens.bearer("auditor-1", TestTokens.SCHOOL, "AUDITOR");

    private EmbeddedServer server;
    private final List<String> ownRecords = new ArrayList<>();
    private Instant between;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> properties = PlatformAxonContext.properties(TestDatabase.newSchema("auditapi"));
        properties.put("smp.service.name", "account");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        CommandGateway commands = server.getApplicationContext().getBean(CommandGateway.class);
        for (int i = 0; i < 3; i++) {
            ownRecords.add(schedule(commands, TestTokens.SCHOOL));
            schedule(commands, TestTokens.OTHER_SCHOOL);
        }
        Thread.sleep(20);
        between = Instant.now();
        Thread.sleep(20);
        ownRecords.add(schedule(commands, TestTokens.SCHOOL));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String schedule(CommandGateway commands, String school) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new ReminderAggregate.ScheduleReminderCommand(id, 3_600_000)).andMetaData(PlatformAxonContext.audit(school)));
        return id;
    }

    @Test
    @DisplayName("AUD-2: an auditor reads only their school's events, in order, and the cursor resumes exactly")
    void pagesResumeExactly() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = API.as(server.getPort(), AUDITOR).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(BASE + "/events").then().statusCode(200)
                    .body("items.schoolId", everyItem(equalTo(TestTokens.SCHOOL)))
                    .body("items.actorId", everyItem(equalTo("tester")))
                    .extract().response();
            seen.addAll(page.jsonPath().getList("items.aggregateId"));
            cursor = page.jsonPath().getString("page.nextCursor");
        } while (cursor != null);
        assertEquals(ownRecords, seen);
    }

    @Test
    @DisplayName("AUD-2: filters by record, type and time")
    void filters() {
        API.as(server.getPort(), AUDITOR).queryParam("aggregateId", ownRecords.get(1)).get(BASE + "/events")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].eventType", equalTo("ReminderScheduledEvent"))
                .body("items[0].payload.id", equalTo(ownRecords.get(1)));
        API.as(server.getPort(), AUDITOR).queryParam("type", "SomethingElseEvent").get(BASE + "/events")
                .then().statusCode(200).body("items", hasSize(0));
        API.as(server.getPort(), AUDITOR).queryParam("from", between.toString()).get(BASE + "/events")
                .then().statusCode(200).body("items.aggregateId", equalTo(List.of(ownRecords.get(3))));
    }

    @Test
    @DisplayName("AUD-2: a request acts for the school of its token; naming another school is 403")
    void theSchoolParameterMustBeTheTokensSchool() {
        API.as(server.getPort(), AUDITOR).queryParam("school", TestTokens.SCHOOL).get(BASE + "/events")
                .then().statusCode(200).body("items.aggregateId", equalTo(ownRecords));
        for (String path : List.of(BASE + "/events", BASE + "/export", BASE + "/checkpoints")) {
            API.as(server.getPort(), AUDITOR).queryParam("school", TestTokens.OTHER_SCHOOL).get(path)
                    .then().statusCode(403).contentType(containsString("problem+json"))
                    .body("detail", equalTo("This request acts for school '" + TestTokens.SCHOOL + "', not '"
                            + TestTokens.OTHER_SCHOOL + "'"));
        }
    }

    @Test
    @DisplayName("AUD-2: only AUDITOR and SLT; a bad cursor or instant is a 400 naming it")
    void rolesAndBadInput() {
        for (String role : List.of("STAFF", "DSL", "ACCOUNT_ADMIN", "PARENT", "INTEGRATION")) {
            API.as(server.getPort(), TestTokens.bearer("someone", TestTokens.SCHOOL, role)).get(BASE + "/events")
                    .then().statusCode(403);
        }
        API.as(server.getPort(), TestTokens.bearer("head", TestTokens.SCHOOL, "SLT")).get(BASE + "/events")
                .then().statusCode(200);
        API.badInput(server.getPort(), AUDITOR).queryParam("cursor", "not-ours").get(BASE + "/events")
                .then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", hasItem("cursor"));
        API.badInput(server.getPort(), AUDITOR).queryParam("from", "yesterday").get(BASE + "/events")
                .then().statusCode(400).contentType(containsString("problem+json"));
        // issue 11: bounds of audit.yaml, and an empty parameter is not an absent one
        API.badInput(server.getPort(), AUDITOR).queryParam("aggregateId", "x".repeat(256)).get(BASE + "/export")
                .then().statusCode(400).body("errors.field", hasItem("aggregateId"));
        API.badInput(server.getPort(), AUDITOR).queryParam("type", "x".repeat(256)).get(BASE + "/events")
                .then().statusCode(400).body("errors.field", hasItem("type"));
        for (String parameter : List.of("fromSeq", "toSeq", "aggregateId")) {
            API.badInput(server.getPort(), AUDITOR).queryParam(parameter, "").get(BASE + "/export")
                    .then().statusCode(400).body("errors.field", hasItem(parameter))
                    .body("errors.message", hasItem("must not be empty; leave the parameter out instead"));
        }
        API.badInput(server.getPort(), AUDITOR).queryParam("limit", "").get(BASE + "/checkpoints")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    @DisplayName("AUD-2: a record as of an instant is rebuilt from its events; before it existed, or another school's, is 404")
    void recordAsOf() {
        String id = ownRecords.get(3);
        API.as(server.getPort(), AUDITOR).get(BASE + "/records/" + id).then().statusCode(200)
                .body("aggregateType", equalTo("ReminderAggregate"))
                .body("state.id", equalTo(id))
                .body("eventsApplied", equalTo(1));
        API.as(server.getPort(), AUDITOR).queryParam("asOf", between.toString()).get(BASE + "/records/" + id)
                .then().statusCode(404).contentType(containsString("problem+json"));
        API.as(server.getPort(), TestTokens.bearer("a2", TestTokens.OTHER_SCHOOL, "AUDITOR"))
                .get(BASE + "/records/" + id).then().statusCode(404);
        API.as(server.getPort(), AUDITOR).get(BASE + "/records/" + id + "/timeline").then().statusCode(200)
                .body("entries[0].what", equalTo("Reminder scheduled"))
                .body("entries[0].text", containsString("Reminder scheduled by tester (SLT)"));
    }

    @Test
    @DisplayName("AUD-3: a checkpoint is signed by the published key, and verifying against it proves the log intact")
    void checkpointAndVerify() throws Exception {
        JsonNode key = json(API.as(server.getPort(), AUDITOR).get(BASE + "/signing-key").then().statusCode(200)
                .extract().asString());
        Response issued = API.as(server.getPort(), AUDITOR).post(BASE + "/checkpoints");
        issued.then().statusCode(201);
        String checkpoint = issued.asString();
        Checkpoint kept = new ObjectMapper().readValue(checkpoint, Checkpoint.class);
        assertTrue(kept.signedBy(Base64.getDecoder().decode(key.get("publicKey").asText())));
        // Issue 18: a 201 says where to read what it created.
        assertEquals(BASE + "/checkpoints/" + kept.size(), issued.header("Location"));
        assertEquals(kept, new ObjectMapper().readValue(API.as(server.getPort(), AUDITOR).get(issued.header("Location"))
                .then().statusCode(200).extract().asString(), Checkpoint.class));
        API.as(server.getPort(), AUDITOR).get(BASE + "/checkpoints/" + (kept.size() + 1000)).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        API.badInput(server.getPort(), AUDITOR).get(BASE + "/checkpoints/-1").then().statusCode(400);
        API.badInput(server.getPort(), AUDITOR).get(BASE + "/checkpoints/latest").then().statusCode(400);

        API.as(server.getPort(), AUDITOR).body(Map.of("checkpoint", kept)).post(BASE + "/verifications")
                .then().statusCode(200).body("intact", equalTo(true)).body("checkpointMatched", equalTo(true));
        Checkpoint forged = new Checkpoint(kept.service(), kept.size() + 1, kept.globalIndex(), kept.chainHash(),
                kept.issuedAt(), kept.keyId(), kept.signature());
        API.as(server.getPort(), AUDITOR).body(Map.of("checkpoint", forged)).post(BASE + "/verifications")
                .then().statusCode(200).body("intact", equalTo(false))
                .body("firstBreak.problem", equalTo("CHECKPOINT_SIGNATURE_INVALID"));
        Checkpoint nameless = new Checkpoint("", kept.size(), kept.globalIndex(), kept.chainHash(),
                kept.issuedAt(), kept.keyId(), kept.signature());
        API.badInput(server.getPort(), AUDITOR).body(Map.of("checkpoint", nameless)).post(BASE + "/verifications")
                .then().statusCode(400).body("errors.field", hasItem("checkpoint.service"));
        API.as(server.getPort(), AUDITOR).get(BASE + "/checkpoints").then().statusCode(200)
                .body("items.size", hasItem((int) kept.size()));
        API.as(server.getPort(), AUDITOR).get(BASE + "/delivery").then().statusCode(200)
                .body("healthy", equalTo(true)).body("processors.name", hasItem("delivered-events"));
    }

    @Test
    @DisplayName("AUD-2, AUD-3: the export carries the school's events whole, others as hashes, and verifies offline")
    void exportVerifiesOffline() throws Exception {
        byte[] publicKey = Base64.getDecoder().decode(json(API.as(server.getPort(), AUDITOR).get(BASE + "/signing-key")
                .then().extract().asString()).get("publicKey").asText());
        String body = RestAssured.given().port(server.getPort()).header("Authorization", AUDITOR)
                .get(BASE + "/export").then().statusCode(200)
                .contentType(containsString("application/x-ndjson")).extract().asString();
        String[] lines = body.split("\n");
        JsonNode manifest = json(lines[lines.length - 1]).get("manifest");
        byte[] chain = AuditChain.unhex(manifest.get("previousChainHash").asText());
        int whole = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            JsonNode line = json(lines[i]);
            byte[] entry = AuditChain.unhex(line.get("entryHash").asText());
            if (!line.has("redacted")) {
                whole++;
                AuditChain.StoredEvent stored = new AuditChain.StoredEvent(line.get("globalIndex").asLong(),
                        line.get("eventId").asText(), text(line, "aggregateType"), line.get("aggregateId").asText(),
                        line.get("sequenceNumber").asLong(), line.get("payloadType").asText(),
                        text(line, "payloadRevision"), line.get("timestamp").asText(),
                        Base64.getDecoder().decode(line.get("payload").asText()),
                        Base64.getDecoder().decode(line.get("metaData").asText()));
                assertTrue(AuditChain.same(entry, AuditChain.entryHash(stored)), lines[i]);
                assertTrue(new String(stored.metaData(), StandardCharsets.UTF_8).contains(TestTokens.SCHOOL));
            }
            chain = AuditChain.link(chain, entry);
            assertEquals(line.get("chainHash").asText(), AuditChain.hex(chain));
        }
        assertEquals(ownRecords.size(), whole);
        assertEquals(whole, manifest.get("events").asInt());
        assertEquals(3, manifest.get("redacted").asInt());
        assertEquals(AuditChain.hex(chain), manifest.get("lastChainHash").asText());
        Checkpoint end = new ObjectMapper().treeToValue(manifest.get("checkpoint"), Checkpoint.class);
        assertEquals(AuditChain.hex(chain), end.chainHash());
        assertTrue(end.signedBy(publicKey));
        assertTrue(AuditChain.verifySignature(publicKey, AuditChain.exportMessage("account", TestTokens.SCHOOL, 1,
                end.size(), whole, 3, manifest.get("linesSha256").asText(), AuditChain.hex(chain)),
                Base64.getDecoder().decode(manifest.get("signature").asText())), "the manifest is signed");
        RestAssured.given().port(server.getPort()).header("Authorization", AUDITOR).queryParam("fromSeq", 0)
                .get(BASE + "/export").then().statusCode(400);
    }

    @Test
    @DisplayName("AUD-2: another service's audit path is not served here")
    void otherServicesPathIsNotFound() {
        RestAssured.given().port(server.getPort()).header("Authorization", AUDITOR)
                .get("/api/v1/audit/incident/events").then().statusCode(not(equalTo(200)));
    }

    private static String text(JsonNode line, String field) {
        return line.hasNonNull(field) ? line.get(field).asText() : null;
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
