package uk.schoolsocial.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full incident case through the gateway (INC-1 to INC-7): a parent's defamatory post is
 * reported, assessed as posted by a third party, reported to the platform; the platform's silence
 * past the (shortened) 48 hours suggests the helpline, which is recorded; the post is confirmed
 * removed and the incident closed, with its whole history in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentCaseE2E {

    @RegisterExtension
    static final SuiteApi SUITE = SuiteApi.launched("incident-case", 18280,
            "-Dsmp.incident.takedown-escalate-after=PT3S", "-Dsmp.axon.deadline-poll=500ms");

    @Test
    void aParentsDefamatoryPostFromReportToClosure() {
        String incident = SUITE.as("staff").body(Map.of(
                        "category", "DEFAMATORY_OR_OFFENSIVE_CONTENT",
                        "whatHappened", "A parent shared a post calling a named teacher a liar on a public page.",
                        "occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "platform", "Facebook",
                        "location", "https://facebook.com/localnews/posts/991",
                        "officialAccountInvolved", false,
                        "peopleInvolved", List.of(Map.of("role", "PARENT"), Map.of("role", "STAFF", "rosterId", "staff-1042"))))
                .post("/api/v1/incidents").then().statusCode(201)
                .body("view", equalTo("STATUS_ONLY")).extract().header("Location");

        SUITE.as("slt").get(incident).then().statusCode(200)
                .body("assignedRole", equalTo("SLT")).body("assessmentDueAt", notNullValue());
        SUITE.as("slt").body(Map.of("severity", "MEDIUM", "safeguarding", false, "possiblyIllegal", false,
                        "posterType", "THIRD_PARTY", "route", "PLATFORM", "notes", "Shared on a local news page"))
                .post(incident + "/assessment").then().statusCode(200)
                .body("status", equalTo("ASSESSED")).body("assessment.internalProcedure", nullValue());

        String takedown = SUITE.as("slt").body(Map.of("addressee", "PLATFORM", "addressedTo", "Facebook",
                        "reference", "FB-REPORT-99812"))
                .post(incident + "/takedowns").then().statusCode(201).extract().path("takedowns[0].id");

        // INC-5: 48 hours shortened to 3 seconds for this suite; the persistent deadline fires.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                SUITE.as("slt").get(incident).then().statusCode(200)
                        .body("takedowns[0].escalationSuggestedAt", notNullValue()));

        SUITE.as("slt").body(Map.of("body", "PROFESSIONALS_ONLINE_SAFETY_HELPLINE",
                        "escalatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                        "externalReference", "POSH-2026-1182"))
                .post(incident + "/escalations").then().statusCode(201)
                .body("escalations[0].body", equalTo("PROFESSIONALS_ONLINE_SAFETY_HELPLINE"));
        SUITE.as("slt").body(Map.of("note", "The link shows content not available"))
                .post(incident + "/takedowns/" + takedown + "/removal").then().statusCode(200)
                .body("takedowns[0].state", equalTo("REMOVED"));
        SUITE.as("slt").body(Map.of("outcome", "The post was removed by the platform",
                        "actionsTaken", "Reported to Facebook; escalated to the helpline"))
                .post(incident + "/closure").then().statusCode(200).body("status", equalTo("CLOSED"));

        SUITE.as("staff").get(incident).then().statusCode(200)
                .body("view", equalTo("STATUS_ONLY")).body("status", equalTo("CLOSED"));
        SUITE.as("other-slt").get(incident).then().statusCode(404);
        SUITE.as("staff").get(incident + "/history").then().statusCode(403);
        SUITE.as("dsl").get(incident + "/history").then().statusCode(200)
                .body("items.actorId", contains("demo-staff", "demo-staff", "demo-slt", "demo-slt",
                        "system:deadline:incident-takedown-unanswered", "demo-slt", "demo-slt", "demo-slt"))
                .body("items[4].what", startsWith("No answer from the platform"))
                .body("items.what", hasItem(startsWith("Escalated to the Professionals Online Safety Helpline")))
                .body("items[7].what", startsWith("Closed with outcome"));
    }
}
