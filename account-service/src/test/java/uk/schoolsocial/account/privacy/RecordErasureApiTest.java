package uk.schoolsocial.account.privacy;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.account.CredentialsKeyDatabaseTest;
import uk.schoolsocial.platform.privacy.erasure.RetentionSchedule;
import uk.schoolsocial.platform.testing.AuditChainCheck;
import uk.schoolsocial.platform.testing.LogCapture;
import uk.schoolsocial.platform.testing.PersonalDataScan;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;
import uk.schoolsocial.platform.testing.TestTokens.School;

/**
 * AUD-4 (issue 10): account-service's records whose text is sealed under their own key (an
 * application, an official account, a logged message, a subject access request) are erased on their
 * own, through the real HTTP stack and database: every read still answers 200, as account.yaml says,
 * without the text; no column of any table and no log line holds it; the audit chain still verifies
 * and an edited event is still detected. The retention schedule erases an answered message after the
 * school's ACCOUNT_CORRESPONDENCE period and a closed account after its ACCOUNT_RECORD period.
 * The reveal of credentials is part of an account's record (ACC-6: its reason is sealed under it),
 * hence the credentials key.
 */
@MicronautTest(transactional = false)
class RecordErasureApiTest implements CredentialsKeyDatabaseTest {

    @RegisterExtension
    static final ServiceApi ACCOUNT = new ServiceApi("account");
    @RegisterExtension
    static final ServiceApi PRIVACY = new ServiceApi("privacy");

    @Inject
    DataSource dataSource;
    @Inject
    RetentionSchedule retention;

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private School roster(String schoolId) {
        School school = new School(schoolId);
        ACCOUNT.as(school.token("mis", "INTEGRATION")).body(Map.of("records", List.of(
                        Map.of("staffId", "a-1", "forename", "Priya", "surname", "Shah"),
                        Map.of("staffId", "a-2", "forename", "Omar", "surname", "Khan"),
                        Map.of("staffId", "a-3", "forename", "Anne", "surname", "Hill"))))
                .post("/api/v1/staff/sync").then().statusCode(200);
        return school;
    }

    private static Map<String, Object> application(String aim, String audience, String promotion, String privacyReason) {
        return Map.of("platform", "INSTAGRAM", "proposedName", "Oakfield Athletics", "aim", aim, "audience", audience,
                "promotion", promotion, "administrators", List.of("a-1", "a-2"), "privacy", "PRIVATE",
                "privacyReason", privacyReason);
    }

    /** An approved application provisioned as an account run by a-1 and a-2: the account's location. */
    private String account(School school) {
        String application = ACCOUNT.as(school.token("applicant", "STAFF"))
                .body(application("Athletics results", "Parents", "Newsletter", "Followers approved"))
                .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
        ACCOUNT.as(school.token("head", "SLT")).body(Map.of("reason", "Clear aim")).post(application + "/approval")
                .then().statusCode(200);
        return ACCOUNT.as(school.token("admin", "ACCOUNT_ADMIN")).body(Map.of("applicationId", id(application),
                        "handle", "oakfield_athletics", "displayName", "Oakfield Athletics", "whoMayPost", List.of("a-1"),
                        "followersApproved", true, "taggingOff", true, "aupLink", "https://oakfield.sch.uk/aup"))
                .post("/api/v1/accounts").then().statusCode(201).extract().header("Location");
    }

    private void erase(School school, String subjectType, String subjectId) {
        PRIVACY.as(school.token("head", "SLT"))
                .body(Map.of("subjectType", subjectType, "subjectId", subjectId, "ground", "OBJECTION"))
                .post("/api/v1/privacy/account/erasures").then().statusCode(201)
                .body("subjectType", equalTo(subjectType)).body("erasedRecords", equalTo(List.of()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aud4_anApplicationAnAccountAMessageAndASubjectAccessRequestAreErasedEachOnItsOwn() throws Exception {
        School school = roster(TestTokens.SCHOOL);
        String applicant = school.token("applicant", "STAFF");
        String slt = school.token("head", "SLT");
        String auditor = school.token("auditor", "AUDITOR");
        try (LogCapture logs = LogCapture.start()) {
            // ACC-1, ACC-2: submitted (with a key, so its answer is stored), rejected, resubmitted, approved
            String application = ACCOUNT.as(applicant).header("Idempotency-Key", "aud4-application")
                    .body(application("Results of Ottoline Vexley's relay team", "Families of the Vexley twins",
                            "A letter from Cordelia Marchbanks", "Ottoline's parents asked for it"))
                    .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
            ACCOUNT.as(slt).body(Map.of("reason", "Ask Ignatia Pellow first")).post(application + "/rejection").then()
                    .statusCode(200);
            ACCOUNT.as(applicant).body(application("Results of the Quarrendon relay", "Parents of the Quarrendon squad",
                            "Leaflets from Mr Ashdown-Fiennes", "Ashdown-Fiennes approves each follower"))
                    .post(application + "/revisions").then().statusCode(200);
            ACCOUNT.as(slt).body(Map.of("reason", "Seen by Governor Threlkeld")).post(application + "/approval").then()
                    .statusCode(200);
            String withdrawn = ACCOUNT.as(applicant)
                    .body(application("Photos of Jessamy Ruddock", "Parents", "Newsletter", "Followers approved"))
                    .post("/api/v1/applications").then().statusCode(201).extract().header("Location");
            ACCOUNT.as(applicant).body(Map.of("reason", "Hepzibah Stroud runs one already")).post(withdrawn + "/withdrawal")
                    .then().statusCode(200);

            // ACC-3: SLT accepts a staff surname in the name, with a reason
            Map<String, Object> clashing = new HashMap<>(application("Walks", "Parents", "Newsletter", "Followers approved"));
            clashing.put("proposedName", "Hill Walkers");
            clashing.put("nameClashAcceptances", List.of(Map.of("word", "Hill",
                    "reason", "The hill Peregrine Quillfeather gave the school")));
            String accepted = ACCOUNT.as(school.token("deputy", "SLT")).body(clashing).post("/api/v1/applications").then()
                    .statusCode(201).body("nameClashAcceptances[0].reason",
                            equalTo("The hill Peregrine Quillfeather gave the school"))
                    .extract().header("Location");

            // ACC-4 to ACC-9: an account suspended, reinstated, reviewed, its credentials revealed, then closed
            String account = ACCOUNT.as(school.token("admin", "ACCOUNT_ADMIN")).body(Map.of("applicationId", id(application),
                            "handle", "oakfield_relay", "displayName", "Oakfield Relay", "whoMayPost", List.of("a-1"),
                            "followersApproved", true, "taggingOff", true, "aupLink", "https://oakfield.sch.uk/aup"))
                    .post("/api/v1/accounts").then().statusCode(201).extract().header("Location");
            for (String admin : List.of("a-1", "a-2")) {
                ACCOUNT.as(school.token(admin, "STAFF")).body(Map.of("policyVersion", 1)).post(account + "/acknowledgements")
                        .then().statusCode(200);
                ACCOUNT.as(slt).body(Map.of("administratorId", admin)).post(account + "/trainings").then().statusCode(200);
            }
            ACCOUNT.as(school.token("admin", "ACCOUNT_ADMIN")).body(Map.of("login", "relay@oakfield.sch.uk", "secret", "s3cret"))
                    .put(account + "/credentials").then().statusCode(200);
            ACCOUNT.as(school.token("a-1", "STAFF")).body(Map.of("reason", "Posting for Perpetua Strangways"))
                    .post(account + "/credentials/reveal").then().statusCode(200);
            ACCOUNT.as(slt).body(Map.of("reason", "Lysander Brackenbury posted a pupil's photo")).post(account + "/suspension")
                    .then().statusCode(200);
            ACCOUNT.as(slt).body(Map.of("reason", "Agreed with Ms Okonkwo-Pryce")).post(account + "/reinstatement")
                    .then().statusCode(200);
            ACCOUNT.as(slt).body(Map.of("notes", "Reviewed; with Fennimore Gallagher")).post(account + "/reviews")
                    .then().statusCode(200);

            // ACC-8: a message and its answer
            Instant received = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
            String message = ACCOUNT.as(school.token("a-1", "STAFF")).header("Idempotency-Key", "aud4-message")
                    .body(Map.of("type", "QUERY", "channel", "DIRECT_MESSAGE",
                            "summary", "Araminta Fotheringay asks about her son's photo", "receivedAt", received.toString()))
                    .post(account + "/messages").then().statusCode(201).extract().header("Location");
            ACCOUNT.as(school.token("a-1", "STAFF")).body(Map.of("answer", "Told Mrs Fotheringay that Tarquin Lovibond took it down"))
                    .post(message + "/answer").then().statusCode(200);
            ACCOUNT.as(slt).body(Map.of("reason", "Wilhelmina Crabtree asked for it")).post(account + "/closure").then()
                    .statusCode(200).body("status", equalTo("CLOSED"));

            // AUD-4, Art. 15: a subject access request, extended
            Map<String, Object> request = Map.of("subjectType", "PUPIL", "subjectId", "pupil-77", "receivedOn",
                    LocalDate.now(ZoneOffset.UTC).minusDays(3).toString(), "requestedBy", "Evangeline Scrimgeour, the pupil's aunt");
            String sar = ACCOUNT.as(slt).header("Idempotency-Key", "aud4-sar").body(request).post("/api/v1/privacy/requests")
                    .then().statusCode(201).extract().header("Location");
            ACCOUNT.as(slt).body(Map.of("reason", "Records held by Bartholomew Nettleship", "months", 2)).post(sar + "/extension")
                    .then().statusCode(200);

            List<String> traces = List.of("Ottoline", "Vexley", "Marchbanks", "Pellow", "Quarrendon", "Ashdown-Fiennes",
                    "Threlkeld", "Ruddock", "Hepzibah", "Strangways", "Brackenbury", "Okonkwo-Pryce", "Fennimore",
                    "Crabtree", "Fotheringay", "Lovibond", "Scrimgeour", "Nettleship", "Quillfeather");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> ACCOUNT.as(auditor).get(account + "/history").then()
                    .statusCode(200).body("items.find { it.type == 'CREDENTIALS_REVEALED' }.detail",
                            equalTo("to a-1: Posting for Perpetua Strangways")));
            List<String> before = PersonalDataScan.find(dataSource, traces);
            for (String trace : traces) {
                assertTrue(before.stream().anyMatch(place -> place.endsWith(": " + trace)
                        && !place.startsWith("domain_event_entry.")), "a read model holds " + trace + " before");
            }

            erase(school, "APPLICATION", id(application));
            erase(school, "APPLICATION", id(withdrawn));
            erase(school, "APPLICATION", id(accepted));
            erase(school, "ACCOUNT", id(account));
            erase(school, "ACCOUNT_MESSAGE", id(message));
            erase(school, "SUBJECT_ACCESS_REQUEST", id(sar));

            assertEquals(List.of(), PersonalDataScan.find(dataSource, traces), "no column of any table holds them");

            // every read answers as account.yaml says (ServiceApi checks each answer), without the text
            for (String reader : List.of(slt, applicant)) {
                ACCOUNT.as(reader).get(application).then().statusCode(200).body("status", equalTo("APPROVED"))
                        .body("revision", equalTo(2)).body("decidedBy", equalTo("head"))
                        .body("$", not(hasKey("aim"))).body("$", not(hasKey("audience")))
                        .body("$", not(hasKey("promotion"))).body("$", not(hasKey("privacyReason")))
                        .body("$", not(hasKey("decisionReason")));
            }
            ACCOUNT.as(slt).get(application + "/revisions").then().statusCode(200).body("items", hasSize(2))
                    .body("items.status", equalTo(List.of("REJECTED", "APPROVED")))
                    .body("items", everyItem(not(hasKey("aim")))).body("items", everyItem(not(hasKey("audience"))))
                    .body("items", everyItem(not(hasKey("promotion"))))
                    .body("items", everyItem(not(hasKey("privacyReason"))))
                    .body("items", everyItem(not(hasKey("closingReason"))));
            ACCOUNT.as(slt).get(withdrawn).then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                    .body("$", not(hasKey("withdrawalReason"))).body("$", not(hasKey("aim")));
            ACCOUNT.as(slt).get("/api/v1/applications").then().statusCode(200)
                    .body("items", everyItem(not(hasKey("aim"))));
            ACCOUNT.as(slt).get(accepted).then().statusCode(200).body("nameClashAcceptances.word", equalTo(List.of("Hill")))
                    .body("nameClashAcceptances", everyItem(not(hasKey("reason"))));

            ACCOUNT.as(slt).get(account).then().statusCode(200).body("status", equalTo("CLOSED"))
                    .body("handle", equalTo("oakfield_relay")).body("$", not(hasKey("statusReason")));
            ACCOUNT.as(auditor).get(account + "/history").then().statusCode(200)
                    .body("items.find { it.type == 'SUSPENDED' }", not(hasKey("detail")))
                    .body("items.find { it.type == 'REINSTATED' }", not(hasKey("detail")))
                    .body("items.find { it.type == 'CLOSED' }", not(hasKey("detail")))
                    .body("items.find { it.type == 'CLOSED' }.actorId", equalTo("head"))
                    .body("items.find { it.type == 'REVIEWED' }.detail",
                            equalTo("next review due " + LocalDate.now(ZoneOffset.UTC).plusYears(1)))
                    .body("items.find { it.type == 'CREDENTIALS_REVEALED' }.detail", equalTo("to a-1"))
                    .body("items.find { it.type == 'PROVISIONED' }.detail", equalTo("from application " + id(application)));
            ACCOUNT.as(slt).get("/api/v1/accounts").then().statusCode(200).body("items", everyItem(not(hasKey("statusReason"))));

            ACCOUNT.as(auditor).get(message).then().statusCode(200).body("status", equalTo("ANSWERED"))
                    .body("answeredBy", equalTo("a-1")).body("$", not(hasKey("summary"))).body("$", not(hasKey("answer")));
            ACCOUNT.as(slt).get(account + "/messages").then().statusCode(200).body("items", hasSize(1))
                    .body("items", everyItem(not(hasKey("summary"))));

            ACCOUNT.as(auditor).get(sar).then().statusCode(200).body("status", equalTo("EXTENDED"))
                    .body("subjectId", equalTo("pupil-77")).body("extensionMonths", equalTo(2))
                    .body("$", not(hasKey("requestedBy"))).body("$", not(hasKey("extensionReason")));
            ACCOUNT.as(slt).get("/api/v1/privacy/requests").then().statusCode(200)
                    .body("items", everyItem(not(hasKey("requestedBy"))));

            PRIVACY.as(auditor).get("/api/v1/privacy/account/erasures").then().statusCode(200)
                    .body("items.find { it.subjectId == '" + id(message) + "' }.subjectType", equalTo("ACCOUNT_MESSAGE"));
            assertEquals(List.of(), PersonalDataScan.find(dataSource, traces), "nor after reading");
            assertEquals(List.of(), logs.containing(traces), "no log line holds them (AUD-4)");
            AuditChainCheck.intactThenAnEditIsDetected(ACCOUNT.port(), "account", dataSource, id(message),
                    "\"type\":\"QUERY\"", "\"type\":\"COMPLAINT\"");
        }
    }

    @Test
    void aud4_anAnsweredMessageExpiresAfterTheSchoolsCorrespondencePeriod() throws Exception {
        School school = roster("school-" + UUID.randomUUID().toString().substring(0, 8));
        String account = account(school);
        String a1 = school.token("a-1", "STAFF");
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        String old = ACCOUNT.as(a1).body(Map.of("type", "COMPLAINT", "channel", "POST_COMMENT",
                        "summary", "Isadora Penhaligon complains", "receivedAt", tenDaysAgo.toString()))
                .post(account + "/messages").then().statusCode(201).extract().header("Location");
        ACCOUNT.as(a1).body(Map.of("answer", "Apologised to Isadora Penhaligon", "answeredAt",
                tenDaysAgo.plus(Duration.ofHours(2)).toString())).post(old + "/answer").then().statusCode(200);
        String recent = ACCOUNT.as(a1).body(Map.of("type", "QUERY", "channel", "POST_COMMENT",
                        "summary", "Leopold Brightwater asks", "receivedAt", Instant.now().minusSeconds(3600).toString()))
                .post(account + "/messages").then().statusCode(201).extract().header("Location");
        ACCOUNT.as(a1).body(Map.of("answer", "Answered Leopold Brightwater")).post(recent + "/answer").then().statusCode(200);
        String open = ACCOUNT.as(a1).body(Map.of("type", "QUERY", "channel", "POST_COMMENT",
                        "summary", "Ophelia Drinkwater asks", "receivedAt", tenDaysAgo.toString()))
                .post(account + "/messages").then().statusCode(201).extract().header("Location");

        retention.run();
        assertEquals(2, PersonalDataScan.find(dataSource, List.of("Penhaligon")).stream()
                .filter(place -> place.startsWith("account_message_view.")).count(), "a year by default");

        PRIVACY.as(school.token("head", "SLT")).body(Map.of("period", "P2D"))
                .put("/api/v1/privacy/account/retention/ACCOUNT_CORRESPONDENCE").then().statusCode(200);
        try (LogCapture logs = LogCapture.start()) {
            retention.run();
            assertTrue(logs.lines() > 0, "the schedule logged its run");
            assertEquals(List.of(), logs.containing(List.of("Penhaligon", "Brightwater", "Drinkwater")),
                    "no log line holds them (AUD-4)");
        }

        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Penhaligon")),
                "the message answered ten days ago expired");
        assertEquals(2, PersonalDataScan.find(dataSource, List.of("Brightwater")).stream()
                .filter(place -> place.startsWith("account_message_view.")).count(), "one answered today is kept");
        assertEquals(1, PersonalDataScan.find(dataSource, List.of("Drinkwater")).stream()
                .filter(place -> place.startsWith("account_message_view.")).count(), "an open one has no clock");
        ACCOUNT.as(school.token("auditor", "AUDITOR")).get(old).then().statusCode(200).body("status", equalTo("ANSWERED"))
                .body("$", not(hasKey("summary"))).body("$", not(hasKey("answer")));
        ACCOUNT.as(school.token("auditor", "AUDITOR")).get(open).then().statusCode(200)
                .body("summary", equalTo("Ophelia Drinkwater asks"));
        PRIVACY.as(school.token("auditor", "AUDITOR")).get("/api/v1/privacy/account/erasures").then()
                .statusCode(200).body("items", hasSize(1))
                .body("items[0].subjectId", equalTo(id(old))).body("items[0].subjectType", equalTo("ACCOUNT_MESSAGE"))
                .body("items[0].ground", equalTo("RETENTION_EXPIRED")).body("items[0].erasedBy", equalTo("system:retention"));
    }

    @Test
    void aud4_aClosedAccountExpiresAfterTheSchoolsAccountRecordPeriod() throws Exception {
        School school = roster("school-" + UUID.randomUUID().toString().substring(0, 8));
        String slt = school.token("head", "SLT");
        String closed = account(school);
        ACCOUNT.as(slt).body(Map.of("reason", "Closed when Rosamund Tregothnan left")).post(closed + "/closure").then()
                .statusCode(200);
        Instant closure = Instant.now();
        String running = account(school);
        ACCOUNT.as(slt).body(Map.of("reason", "Suspended while Rosalind Tregaskis is away")).post(running + "/suspension")
                .then().statusCode(200);
        // P0D runs out the moment after the closure as stored; a driver may store whole seconds only
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(closure.plusSeconds(1)));

        retention.run();
        assertTrue(!PersonalDataScan.find(dataSource, List.of("Tregothnan")).stream()
                .filter(place -> place.startsWith("account_view.")).toList().isEmpty(), "six years by default");

        PRIVACY.as(slt).body(Map.of("period", "P0D"))
                .put("/api/v1/privacy/account/retention/ACCOUNT_RECORD").then().statusCode(200);
        retention.run();

        assertEquals(List.of(), PersonalDataScan.find(dataSource, List.of("Tregothnan")), "the closed account expired");
        assertTrue(!PersonalDataScan.find(dataSource, List.of("Tregaskis")).stream()
                .filter(place -> place.startsWith("account_view.")).toList().isEmpty(), "an account not closed is kept");
        ACCOUNT.as(slt).get(closed).then().statusCode(200).body("status", equalTo("CLOSED")).body("$", not(hasKey("statusReason")));
        PRIVACY.as(slt).get("/api/v1/privacy/account/erasures").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].subjectType", equalTo("ACCOUNT"))
                .body("items[0].subjectId", equalTo(id(closed))).body("items[0].ground", equalTo("RETENTION_EXPIRED"));
    }
}
