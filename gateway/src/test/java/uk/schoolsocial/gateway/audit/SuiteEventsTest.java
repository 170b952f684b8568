package uk.schoolsocial.gateway.audit;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.gateway.GatewayApi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AUD-2, the ordered history of every service, merged, filtered and resumable:
 * {@code GET /api/v1/audit/events} through a real gateway to real HTTP services: a second
 * Micronaut server runs {@link FakeAuditController}, the services' audit API as the platform
 * serves it, for all three services, over trails the tests write to between requests.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteEventsTest implements TestPropertyProvider {

    static final String DOWNSTREAM_PROPERTY = "test.audit-downstream";

    private static final Instant NINE = Instant.parse("2026-11-21T09:00:00Z");

    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi(DOWNSTREAM_PROPERTY);

    private FakeTrails trails;

    @Override
    public Map<String, String> getProperties() {
        trails = GATEWAY.stubBean(FakeTrails.class);
        return GATEWAY.servicesAt("/trails");
    }

    @BeforeEach
    void emptyTrails() {
        trails.reset();
    }

    private static Instant minute(int minutes) {
        return NINE.plusSeconds(60L * minutes);
    }

    /** {@code service:seq} of a page's items, in order. */
    private static List<String> ids(ExtractableResponse<Response> page) {
        List<Map<String, Object>> items = page.path("items");
        return items.stream().map(item -> item.get("service") + ":" + item.get("seq")).toList();
    }

    private ExtractableResponse<Response> page(String user, Consumer<RequestSpecification> query) {
        RequestSpecification request = GATEWAY.as(user);
        query.accept(request);
        return request.get("/api/v1/audit/events").then().statusCode(200).contentType("application/json").extract();
    }

    @Test
    void eventsAreMergedByWhenTheyOccurredKeepingEachServicesOwnOrder() {
        trails.add("account", minute(10));
        trails.add("account", minute(5));   // committed after an event that occurred later
        trails.add("account", minute(20));
        trails.add("incident", minute(7));
        trails.add("incident", minute(20));
        trails.add("consent", minute(20));
        trails.add("consent", minute(1));

        ExtractableResponse<Response> page = page("auditor", request -> { });

        // ties at minute 20: by service name
        assertEquals(List.of("incident:1", "account:1", "account:2", "account:3", "consent:1", "consent:2",
                "incident:2"), ids(page));
        assertNull(page.path("page.nextCursor"), "the last page has no cursor");
        assertEquals(100, (int) page.path("page.limit"));
        assertEquals("SomethingHappenedEvent", page.path("items[0].eventType"));
        assertEquals("event 1 of incident", page.path("items[0].payload.note"));
        assertEquals(minute(7).toString(), page.path("items[0].occurredAt"));
    }

    @Test
    void resumingWithTheCursorMissesNothingAndRepeatsNothingWhileEventsAreAdded() {
        for (int i = 0; i < 5; i++) {
            trails.add("account", minute(3 * i));
            trails.add("incident", minute(3 * i + 1));
            trails.add("consent", minute(3 * i + 2));
        }
        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String from = cursor;
            ExtractableResponse<Response> page = page("auditor", request -> {
                request.queryParam("limit", 4);
                if (from != null) {
                    request.queryParam("cursor", from);
                }
            });
            List<String> ids = ids(page);
            assertTrue(ids.size() <= 4, ids.toString());
            read.addAll(ids);
            cursor = page.path("page.nextCursor");
            assertTrue(cursor == null || cursor.length() <= 1024, cursor);
            pages++;
            if (pages <= 2) {
                // between pages: an event that occurred before everything read so far, and later ones
                trails.add("account", minute(-10 - pages));
                trails.add("incident", minute(100 + pages));
                trails.add("consent", minute(7));
            }
        } while (cursor != null && pages < 50);

        List<String> all = trails.all("demo-school").stream().map(FakeTrails.Event::id).toList();
        assertEquals(21, all.size());
        assertEquals(all.size(), read.size(), "nothing repeated: " + read);
        assertEquals(new HashSet<>(all), new HashSet<>(read), "nothing missed");
        for (String service : List.of("account", "incident", "consent")) {
            List<Integer> seqs = read.stream().filter(id -> id.startsWith(service + ":"))
                    .map(id -> Integer.parseInt(id.substring(id.indexOf(':') + 1))).toList();
            assertEquals(seqs.stream().sorted().toList(), seqs, service + "'s own order is kept");
        }
    }

    /** Positions part-way through a service's largest page (1000) need the rest from its next page. */
    @Test
    void pagesLargerThanWhatIsLeftOfAServicePageMissNothing() {
        for (int i = 0; i < 1200; i++) {
            trails.add("account", minute(2 * i));
            trails.add("incident", minute(2 * i + 1));
        }
        List<String> read = new ArrayList<>();
        String cursor = null;
        do {
            String from = cursor;
            ExtractableResponse<Response> page = page("auditor", request -> {
                request.queryParam("limit", 1000);
                if (from != null) {
                    request.queryParam("cursor", from);
                }
            });
            read.addAll(ids(page));
            cursor = page.path("page.nextCursor");
        } while (cursor != null);

        assertEquals(2400, read.size());
        assertEquals(2400, new HashSet<>(read).size());
        // page 2 took account's events 501 to 1000 from its first page, then 500 more were asked after 1000
        assertTrue(trails.seen().stream().anyMatch(seen -> seen.service().equals("account")
                && seen.query().equals(Map.of("cursor", FakeAuditController.encode(1000), "limit", "500"))),
                trails.seen().stream().map(FakeTrails.Seen::query).toList().toString());
        for (int i = 0; i < 1200; i++) {
            assertEquals("account:" + (i + 1), read.get(2 * i));
            assertEquals("incident:" + (i + 1), read.get(2 * i + 1));
        }
    }

    @Test
    void eachServiceGetsTheFiltersTheCallersTokenAndTheCorrelationId() throws Exception {
        trails.add("account", "demo-school", "app-1", "ApplicationSubmittedEvent", minute(30));
        trails.add("account", "demo-school", "app-2", "ApplicationSubmittedEvent", minute(30));
        trails.add("account", "demo-school", "app-1", "ApplicationSubmittedEvent", minute(90));
        trails.add("incident", "demo-school", "app-1", "ApplicationApprovedEvent", minute(30));

        ExtractableResponse<Response> page = page("auditor", request -> request
                .header("X-Correlation-Id", "trace-7")
                .queryParam("aggregateId", "app-1")
                .queryParam("type", "ApplicationSubmittedEvent")
                .queryParam("from", "2026-11-21T10:00:00+01:00")
                .queryParam("to", "2026-11-21T10:00:00Z")
                .queryParam("limit", 7));

        assertEquals(List.of("account:1"), ids(page));
        List<FakeTrails.Seen> seen = trails.seen();
        assertEquals(Set.of("account", "incident", "consent"),
                seen.stream().map(FakeTrails.Seen::service).collect(Collectors.toSet()));
        for (FakeTrails.Seen request : seen) {
            assertEquals(Map.of("aggregateId", "app-1", "type", "ApplicationSubmittedEvent",
                    "from", "2026-11-21T09:00:00Z", "to", "2026-11-21T10:00:00Z", "limit", "7"), request.query());
            assertEquals("trace-7", request.correlationId());
            SignedJWT internal = SignedJWT.parse(request.authorization().substring("Bearer ".length()));
            assertTrue(internal.verify(new MACVerifier(GatewayApi.INTERNAL_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8))));
            JWTClaimsSet claims = internal.getJWTClaimsSet();
            assertEquals("school-social-gateway", claims.getIssuer());
            assertEquals("demo-auditor", claims.getSubject());
            assertEquals(List.of("AUDITOR"), claims.getStringListClaim("roles"));
            assertEquals("demo-school", claims.getStringClaim("school"));
        }
    }

    @Test
    void sltSeesOnlyTheirOwnSchool() {
        trails.add("account", "demo-school", "a", "E", minute(1));
        trails.add("consent", "other-school", "b", "E", minute(2));

        assertEquals(List.of("consent:1"), ids(page("other-slt", request -> { })));
        assertEquals(List.of("account:1"), ids(page("slt", request -> { })));
    }

    @Test
    void everyoneButAuditorsAndSltGets403WithoutAnyServiceBeingAsked() {
        trails.add("account", minute(1));
        for (String user : List.of("staff", "dsl", "admin", "parent", "mis")) {
            GATEWAY.as(user).get("/api/v1/audit/events").then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
        assertEquals(List.of(), trails.seen());
    }

    @Test
    void withoutATokenItIs401() {
        GATEWAY.request().get("/api/v1/audit/events").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aCursorThatIsNotOneGets400NamingCursor() {
        String notJson = Base64.getUrlEncoder().withoutPadding().encodeToString("seq:12".getBytes(StandardCharsets.UTF_8));
        String unknownService = cursor(Map.of("timetable", "c2VxOjE"));
        for (String bad : List.of("not a cursor", notJson, unknownService, "x".repeat(1025))) {
            GATEWAY.as("auditor").queryParam("cursor", bad).get("/api/v1/audit/events").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.field", hasItem("cursor"))
                    .body("detail", containsString("cursor"));
        }
        assertEquals(List.of(), trails.seen());
    }

    @Test
    void aCursorIsOnlyGoodForTheFiltersItWasGivenFor() {
        trails.add("account", "demo-school", "a", "Submitted", minute(1));
        trails.add("account", "demo-school", "a", "Submitted", minute(2));
        String cursor = page("auditor", request -> request.queryParam("type", "Submitted").queryParam("limit", 1))
                .path("page.nextCursor");
        assertNotNull(cursor);

        GATEWAY.as("auditor").queryParam("type", "Approved").queryParam("cursor", cursor).get("/api/v1/audit/events").then()
                .statusCode(400)
                .body("errors.field", hasItem("cursor"));
        GATEWAY.as("other-slt").queryParam("type", "Submitted").queryParam("cursor", cursor).get("/api/v1/audit/events")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        assertEquals(List.of("account:2"), ids(page("auditor", request -> request.queryParam("type", "Submitted")
                .queryParam("cursor", cursor))));
    }

    /** The service's own cursor inside ours is the service's to judge: its 400 reaches the caller. */
    @Test
    void aServicesRefusalOfItsCursorReachesTheCaller() {
        String forged = cursor(Map.of("account", Base64.getUrlEncoder().withoutPadding()
                .encodeToString("row:3".getBytes(StandardCharsets.UTF_8))));

        GATEWAY.as("auditor").queryParam("cursor", forged).get("/api/v1/audit/events").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theServiceParameterChoosesTheServices() {
        trails.add("account", minute(1));
        trails.add("incident", minute(2));
        trails.add("consent", minute(3));

        ExtractableResponse<Response> page = page("auditor",
                request -> request.queryParam("service", "consent", "account"));

        assertEquals(List.of("account:1", "consent:1"), ids(page));
        assertEquals(Set.of("account", "consent"),
                trails.seen().stream().map(FakeTrails.Seen::service).collect(Collectors.toSet()));
    }

    @Test
    void pagingOneServiceLeavesTheOthersWhereTheyWere() {
        trails.add("account", minute(1));
        trails.add("incident", minute(2));
        trails.add("incident", minute(3));
        String cursor = page("auditor", request -> request.queryParam("service", "incident").queryParam("limit", 1))
                .path("page.nextCursor");

        ExtractableResponse<Response> rest = page("auditor", request -> request.queryParam("cursor", cursor));

        assertEquals(List.of("account:1", "incident:2"), ids(rest));
    }

    @Test
    void wrongParametersGet400NamingEachOfThem() {
        GATEWAY.as("auditor").queryParam("service", "timetable").queryParam("limit", 0).queryParam("from", "yesterday")
                .queryParam("aggregateId", "a".repeat(256))
                .get("/api/v1/audit/events").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("service", "aggregateId", "from", "limit")))
                .body("detail", containsString("timetable"));
        GATEWAY.as("auditor").queryParam("limit", 1001).get("/api/v1/audit/events").then()
                .statusCode(400).body("errors.field", equalTo(List.of("limit")));
        GATEWAY.as("auditor").queryParam("to", "2026-11-21T09:00:00").get("/api/v1/audit/events").then()
                .statusCode(400).body("errors.field", equalTo(List.of("to")));
        // issue 12: an undeclared parameter is refused, never ignored
        GATEWAY.as("auditor").queryParam("updated_after", "2026-11-21T09:00:00Z").queryParam("limit", 5)
                .get("/api/v1/audit/events").then()
                .statusCode(400).body("code", equalTo("UNKNOWN_PARAMETER"))
                .body("errors.field", equalTo(List.of("updated_after")));
        assertEquals(List.of(), trails.seen());
    }

    /** Issue 11: a parameter given twice or given empty is refused, never read as absent (a whole history). */
    @Test
    void aParameterGivenTwiceOrEmptyGets400NamingIt() {
        GATEWAY.as("auditor").queryParam("aggregateId", "a-1").queryParam("aggregateId", "a-2")
                .queryParam("from", "").queryParam("limit", "").get("/api/v1/audit/events").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("aggregateId", "from", "limit")))
                .body("errors.message", equalTo(List.of("must be given once",
                        "must not be empty; leave the parameter out instead",
                        "must not be empty; leave the parameter out instead")));
        assertEquals(List.of(), trails.seen());
    }

    @Test
    void aServiceThatFailsGets502NamingIt() {
        trails.add("account", minute(1));
        trails.fail("incident");

        String problem = GATEWAY.as("auditor").get("/api/v1/audit/events").then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad Gateway"))
                .body("detail", equalTo("The incident service could not give its audit events (it answered HTTP 500)."))
                .extract().asString();
        assertTrue(problem.contains("\"code\":\"BAD_GATEWAY\""), problem);
        assertFalse(problem.contains("\"errors\""), "no field of the request was wrong: " + problem);
    }

    /**
     * AUD-2 and DOMAIN's "unless granted across a trust": an auditor whose token grants other schools
     * reads each of them with {@code school}, on the merged history and on a service's own trail (the
     * gateway mints the internal token for that school); naming any other school is 403, for them and
     * for an auditor granted none.
     */
    @Test
    void aTrustAuditorReadsTheSchoolsTheirTokenGrantsAndNoOther() {
        trails.add("account", "demo-school", "record-a", "SomethingHappenedEvent", minute(1));
        trails.add("consent", "other-school", "record-b", "SomethingHappenedEvent", minute(2));

        assertEquals(List.of("record-a"), page("trust-auditor", request -> { }).path("items.aggregateId"));
        ExtractableResponse<Response> granted = page("trust-auditor",
                request -> request.queryParam("school", "other-school"));
        assertEquals(List.of("record-b"), granted.path("items.aggregateId"));
        assertEquals(List.of("other-school"), granted.path("items.schoolId"));
        GATEWAY.as("trust-auditor").queryParam("school", "other-school").get("/api/v1/audit/consent/events").then()
                .statusCode(200).body("items.aggregateId", equalTo(List.of("record-b")));

        for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/consent/events")) {
            GATEWAY.as("trust-auditor").queryParam("school", "third-school").get(path).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo("You may not act for school 'third-school': it is neither your school nor"
                            + " one your token grants an AUDITOR across a trust."));
            GATEWAY.as("auditor").queryParam("school", "other-school").get(path).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        GATEWAY.as("auditor").queryParam("school", "demo-school").get("/api/v1/audit/events").then().statusCode(200)
                .body("items.aggregateId", equalTo(List.of("record-a")));
        for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/consent/events")) {
            GATEWAY.as("trust-auditor").queryParam("school", "other-school", "demo-school").get(path).then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("school"));
        }
    }

    @Test
    void aServiceThatIsDownGets502NamingIt() {
        Map<String, Object> properties = new HashMap<>(GATEWAY.servicesAt("/trails"));
        properties.put("smp.services.consent.url", "http://127.0.0.1:" + GatewayApi.unusedPort());
        trails.add("account", minute(1));
        try (EmbeddedServer gateway = GatewayApi.run(properties)) {
            GatewayApi.as(gateway, "auditor").get("/api/v1/audit/events").then()
                    .statusCode(502)
                    .contentType("application/problem+json")
                    .header("X-Correlation-Id", notNullValue())
                    .body("detail", equalTo("The consent service cannot be reached."));
            GatewayApi.as(gateway, "auditor").queryParam("service", "account").get("/api/v1/audit/events").then()
                    .statusCode(200)
                    .body("items.service", equalTo(List.of("account")));
        }
    }

    /** A cursor as the gateway writes it, for no filters and demo-school, holding these service cursors. */
    private static String cursor(Map<String, String> serviceCursors) {
        String positions = serviceCursors.entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\":{\"c\":\"" + entry.getValue() + "\"}")
                .collect(Collectors.joining(",", "{", "}"));
        String json = "{\"v\":1,\"f\":\"" + SuiteCursor.binding("demo-school", null, null, null, null)
                + "\",\"p\":" + positions + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
