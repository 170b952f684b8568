package uk.schoolsocial.gateway.changes;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: the suite's change feed, {@code GET /api/v1/changes}, through a real gateway to real
 * HTTP feeds: a second Micronaut server runs {@link FakeChangeFeeds}, account-service's and
 * consent-service's feeds as platform's {@code ChangeLog} serves them, over entries the tests add
 * between requests. incident-service keeps no feed and is never asked.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeFeedTest implements TestPropertyProvider {

    static final String DOWNSTREAM_PROPERTY = "test.changes-downstream";

    private static final Instant NINE = Instant.parse("2026-11-21T09:00:00Z");
    private static final String SCHOOL = "demo-school";

    @RegisterExtension
    static final GatewayApi GATEWAY = new GatewayApi(DOWNSTREAM_PROPERTY);

    private FakeChangeFeeds feeds;

    @Override
    public Map<String, String> getProperties() {
        feeds = GATEWAY.stubBean(FakeChangeFeeds.class);
        return GATEWAY.servicesAt("/feeds");
    }

    @BeforeEach
    void emptyFeeds() {
        feeds.reset();
    }

    private static Instant minute(int minutes) {
        return NINE.plusSeconds(60L * minutes);
    }

    private static List<String> ids(ExtractableResponse<Response> page) {
        return page.path("items.recordId");
    }

    private ExtractableResponse<Response> page(String user, String cursor, Integer limit) {
        RequestSpecification request = GATEWAY.as(user);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        return request.get("/api/v1/changes").then().statusCode(200).contentType("application/json").extract();
    }

    @Test
    void changesAreMergedByWhenTheyOccurredKeepingEachServicesOwnOrder() {
        feeds.add("account", SCHOOL, minute(10));
        feeds.add("account", SCHOOL, minute(5));   // committed after a change that occurred later
        feeds.add("consent", SCHOOL, minute(7));
        feeds.add("consent", SCHOOL, minute(20));
        feeds.add("account", SCHOOL, minute(20));

        ExtractableResponse<Response> page = page("mis", null, null);

        // ties at minute 20: by service name
        assertEquals(List.of("consent:1", "account:1", "account:2", "account:3", "consent:2"), ids(page));
        assertEquals(false, page.path("more"));
        assertNotNull(page.path("cursor"));
        assertEquals("STAFF_LEFT", page.path("items[1].kind"));
        assertEquals(minute(7).toString(), page.path("items[0].occurredAt"));
        assertFalse(feeds.asked().contains("incident"), "incident-service keeps no feed");
    }

    @Test
    void resumingFromTheCursorMissesNothingAndRepeatsNothingWhileChangesAreAdded() {
        for (int i = 0; i < 5; i++) {
            feeds.add("account", SCHOOL, minute(2 * i));
            feeds.add("consent", SCHOOL, minute(2 * i + 1));
        }
        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        boolean more = true;
        while ((more || pages < 4) && pages < 50) {
            ExtractableResponse<Response> page = page("mis", cursor, 3);
            List<String> ids = ids(page);
            assertTrue(ids.size() <= 3, ids.toString());
            read.addAll(ids);
            String next = page.path("cursor");
            assertNotNull(next, "every page has a cursor, an empty one too");
            assertTrue(next.length() <= ChangesCursor.MAX_LENGTH, next);
            cursor = next;
            more = page.path("more");
            pages++;
            if (pages <= 2) {
                // between pages: a change that occurred before everything read so far, and later ones
                feeds.add("account", SCHOOL, minute(-10 - pages));
                feeds.add("consent", SCHOOL, minute(100 + pages));
            }
        }
        assertEquals(14, read.size(), "nothing repeated: " + read);
        assertEquals(14, new HashSet<>(read).size(), "nothing repeated: " + read);
        for (String service : List.of("account", "consent")) {
            List<Integer> seqs = read.stream().filter(id -> id.startsWith(service + ":"))
                    .map(id -> Integer.parseInt(id.substring(id.indexOf(':') + 1))).toList();
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), seqs, service + ": nothing missed, its own order kept");
        }
        // the last cursor gives an empty page and itself again; a later change comes from it alone
        ExtractableResponse<Response> empty = page("mis", cursor, 3);
        assertEquals(List.of(), ids(empty));
        assertEquals(false, empty.path("more"));
        feeds.add("consent", SCHOOL, minute(-100));
        assertEquals(List.of("consent:8"), ids(page("mis", empty.path("cursor"), 3)));
    }

    @Test
    void aPageLargerThanWhatIsLeftOfAServicePageReadsOnFromItsNextPage() {
        for (int i = 0; i < 300; i++) {
            feeds.add("account", SCHOOL, minute(i));
        }
        feeds.add("consent", SCHOOL, minute(100));
        // 129 of account's first 130 are taken: the next page needs 71 more of that page and 129 of the next
        ExtractableResponse<Response> first = page("mis", null, 130);
        assertEquals(130, ids(first).size());
        assertTrue(ids(first).contains("consent:1"));
        assertEquals("account:129", ids(first).get(129));
        assertEquals(true, first.path("more"));
        ExtractableResponse<Response> second = page("mis", first.path("cursor"), 200);
        ExtractableResponse<Response> third = page("mis", second.path("cursor"), 200);
        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        all.addAll(ids(third));
        assertEquals(301, all.size());
        assertEquals(301, new HashSet<>(all).size());
        assertEquals("account:130", ids(second).get(0));
        assertEquals(171, ids(second).size());
        assertEquals(List.of(), ids(third));
        assertEquals(false, third.path("more"));
    }

    @Test
    void eachSchoolReadsItsOwnChangesAndACursorOfAnotherSchoolIsRefused() {
        feeds.add("account", SCHOOL, minute(1));
        feeds.add("consent", "other-school", minute(2));
        assertEquals(List.of("consent:1"), ids(page("other-slt", null, null)));
        ExtractableResponse<Response> ours = page("slt", null, null);
        assertEquals(List.of("account:1"), ids(ours));
        assertEquals(List.of("account:1"), ids(page("auditor", null, null)));
        GATEWAY.as("other-slt").queryParam("cursor", ours.path("cursor").toString()).get("/api/v1/changes").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("cursor")).body("detail", containsString("another school"));
    }

    @Test
    void badQueriesAre400WithoutAnyServiceBeingAsked() {
        GATEWAY.as("mis").queryParam("updated_after", "2026-01-01T00:00:00Z").get("/api/v1/changes").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_PARAMETER")).body("errors.field", hasItem("updated_after"));
        String notOurs = Base64.getUrlEncoder().withoutPadding().encodeToString("c1:12".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of(notOurs, "%%%", "x".repeat(1100))) {
            GATEWAY.as("mis").queryParam("cursor", cursor).get("/api/v1/changes").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("cursor"));
        }
        for (String limit : List.of("0", "201", "ten")) {
            GATEWAY.as("mis").queryParam("limit", limit).get("/api/v1/changes").then()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        }
        assertEquals(List.of(), feeds.asked());
    }

    @Test
    void onlyTheMisSltAndAuditorsMayReadIt() {
        for (String user : List.of("staff", "dsl", "admin", "parent")) {
            GATEWAY.as(user).get("/api/v1/changes").then().statusCode(403).contentType("application/problem+json");
        }
        assertEquals(List.of(), feeds.asked());
        GATEWAY.request().get("/api/v1/changes").then().statusCode(401);
    }

    @Test
    void aFeedThatCannotBeReadIs502NamingItsService() {
        feeds.add("account", SCHOOL, minute(1));
        feeds.fail("consent");
        GATEWAY.as("mis").get("/api/v1/changes").then().statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("consent"));
    }
}
