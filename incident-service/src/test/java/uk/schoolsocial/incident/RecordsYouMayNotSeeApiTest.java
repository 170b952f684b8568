package uk.schoolsocial.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.ContractOperations;
import uk.schoolsocial.platform.testing.ContractOperations.Operation;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.StrictInput;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * Issue 11, incident-service (INC-7, tenancy): another school's incident gets the answer of an
 * incident that does not exist, on every operation naming one ("No such incident" from the
 * aggregate against "No such record" for an unknown id told them apart); nothing is stored.
 * Through HTTP, answers checked against incident.yaml.
 */
@MicronautTest(transactional = false)
class RecordsYouMayNotSeeApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("incident");
    private static final String OTHER_SCHOOL = TestTokens.bearer("any-9", TestTokens.OTHER_SCHOOL,
            StrictInput.EVERY_ROLE);

    private static Map<String, Object> report() {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "BULLYING_OR_HARASSMENT");
        body.put("whatHappened", "A post mocks a pupil");
        body.put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("platform", "Instagram");
        body.put("location", "A public post");
        body.put("officialAccountInvolved", false);
        body.put("peopleInvolved", List.of(Map.of("role", "PUPIL", "description", "Year 9 pupil")));
        return body;
    }

    /** Issue 11: another school's incident gets the answer of an unknown one, on every operation naming one. */
    @Test
    void issue11_anotherSchoolsIncidentGetsTheAnswerOfAnUnknownOne() throws Exception {
        String incident = API.as(STAFF).body(report()).post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
        long before = API.events();
        int compared = 0;
        for (Operation operation : ContractOperations.of("incident", "incident")) {
            if (!operation.template().contains("{incidentId}")) {
                continue;
            }
            String body = validBody(operation.operationId());
            Response unknown = send(OTHER_SCHOOL, operation, body, operation.path());
            assertEquals(404, unknown.statusCode(), operation + ": " + unknown.asString());
            String theirs = operation.template().replace("{incidentId}", incident)
                    .replaceAll("\\{\\w+}", java.util.UUID.randomUUID().toString());
            StrictInput.sameAnswer(unknown, send(OTHER_SCHOOL, operation, body, theirs), operation.toString());
            compared++;
        }
        assertTrue(compared >= 10, "operations naming an incident: " + compared);
        assertEquals(before, API.events(), "nothing refused is stored");
    }

    private Response send(String token, Operation operation, String body, String path) {
        RequestSpecification request = API.badInput(token);
        if (body != null) {
            request.body(body);
        }
        return request.request(operation.method(), path);
    }

    private static String validBody(String operationId) {
        return switch (operationId) {
            case "assessIncident" -> "{\"severity\":\"LOW\",\"safeguarding\":false,\"possiblyIllegal\":false,"
                    + "\"posterType\":\"PUPIL\",\"route\":\"INTERNAL\"}";
            case "recordEscalation" -> "{\"body\":\"PLATFORM\",\"escalatedAt\":\""
                    + Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS) + "\"}";
            case "recordEscalationResponse" -> "{\"response\":\"Removed\"}";
            case "requestTakedown" -> "{\"addressee\":\"PLATFORM\",\"addressedTo\":\"Instagram\"}";
            case "confirmTakedownRemoval" -> "{\"note\":\"Gone\"}";
            case "abandonTakedown", "reopenIncident" -> "{\"reason\":\"Checked\"}";
            case "closeIncident" -> "{\"outcome\":\"Resolved\",\"actionsTaken\":\"Talked to the pupil\"}";
            case "addEvidence" -> "{\"mediaType\":\"text/plain\",\"content\":\"aGVsbG8=\"}";
            default -> null;
        };
    }
}
