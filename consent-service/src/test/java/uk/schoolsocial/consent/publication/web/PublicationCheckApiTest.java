package uk.schoolsocial.consent.publication.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static uk.schoolsocial.platform.testing.Bearers.STAFF;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountServiceEvents;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import org.axonframework.eventhandling.StreamingEventProcessor;
import uk.schoolsocial.consent.Scenario;
import uk.schoolsocial.consent.officialaccount.query.OfficialAccountProjection;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AccountSuspendedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/** CON-4: the publication check through the real HTTP stack and database, checked against consent.yaml. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationCheckApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final String CHECKS = "/api/v1/consents/checks";
    private static final Instant AT = Instant.parse("2026-09-01T08:00:00Z");

    @Value("${datasources.accountevents.url}")
    String upstreamUrl;
    @Value("${datasources.accountevents.username}")
    String upstreamUser;
    @Value("${datasources.accountevents.password:}")
    String upstreamPassword;
    private AccountServiceEvents accountService;
    private Scenario scenario;

    @BeforeAll
    void connect() {
        accountService = new AccountServiceEvents(upstreamUrl, upstreamUser, upstreamPassword);
        scenario = new Scenario(API::as);
    }

    /** An account provisioned in account-service and, if asked, live; waits until this service knows it. */
    private String account(boolean live) {
        String id = UUID.randomUUID().toString();
        accountService.append(id, 0, new AccountProvisionedEvent(id, TestTokens.SCHOOL, UUID.randomUUID().toString(),
                AccountPlatform.INSTAGRAM, "oakfield_pe", "Oakfield PE", List.of("staff-2", "staff-3"),
                AccountPrivacy.OPEN, "https://example.org/aup", AT), TestTokens.SCHOOL);
        if (live) {
            accountService.append(id, 1, new AccountWentLiveEvent(id, TestTokens.SCHOOL, AT), TestTokens.SCHOOL);
        }
        String expected = live ? "[]" : "[ACCOUNT_NOT_LIVE]";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(social(id, List.of(), "", ""))
                .body("reasons.findAll { it.field == 'officialAccountId' }.code.toString()", equalTo(expected)));
        return id;
    }

    private static Map<String, Object> social(String accountId, List<String> pupils, String caption, String altText) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "OFFICIAL_SOCIAL_MEDIA", "pupilIds",
                pupils.isEmpty() ? List.of("nobody") : pupils, "caption", caption, "altText", altText));
        body.put("officialAccountId", accountId);
        return body;
    }

    private io.restassured.response.ValidatableResponse check(Object body) {
        return API.as(STAFF).body(body).post(CHECKS).then().statusCode(200);
    }

    @Test
    void con4_pupilsWithConsentOnALiveAccountWithNeutralTextMayBePublished() {
        String account = account(true);
        String a = scenario.pupil("Amelia", "Hart");
        String b = scenario.pupil("Noah", "Lee");
        scenario.consent(a, "OFFICIAL_SOCIAL_MEDIA");
        scenario.consent(b, "OFFICIAL_SOCIAL_MEDIA");
        check(social(account, List.of(a, b), "Year 5 built a rain gauge", "Two pupils from behind"))
                .body("allowed", equalTo(true))
                .body("reasons", empty())
                .body("checkId", matchesPattern("[0-9a-f]{64}"))
                .body("advice.code", hasItems("GROUP_SHOTS", "CAMERA_ANGLE", "CLOTHING", "MINIMAL_INFORMATION"));
    }

    @Test
    void con4_everyReasonAgainstIsGiven() {
        String account = account(false);
        String consented = scenario.pupil("Chloé", "Dubois");
        String without = scenario.pupil("Oliver", "Grant");
        String objecting = scenario.pupil("Isla", "Ward");
        scenario.consent(consented, "OFFICIAL_SOCIAL_MEDIA");
        scenario.consent(objecting, "OFFICIAL_SOCIAL_MEDIA");
        scenario.consent(without, "WEBSITE");
        API.as(STAFF).body(Map.of()).post("/api/v1/pupils/" + objecting + "/objection").then().statusCode(201);
        check(social(account, List.of(consented, without, objecting, "pupil-unknown"),
                "Well done CHLOE and the team!", "Born 14/03/2016"))
                .body("allowed", equalTo(false))
                .body("reasons.code", containsInAnyOrder("NO_VALID_CONSENT", "OBJECTION", "PUPIL_NOT_ON_ROSTER",
                        "ACCOUNT_NOT_LIVE", "NAME_IN_TEXT", "IDENTIFYING_DETAIL_IN_TEXT", "IDENTIFYING_DETAIL_IN_TEXT",
                        "IDENTIFYING_DETAIL_IN_TEXT"))
                .body("reasons.find { it.code == 'NAME_IN_TEXT' }.pupilId", equalTo(consented))
                .body("reasons.find { it.code == 'NAME_IN_TEXT' }.field", equalTo("caption"))
                .body("reasons.find { it.code == 'NO_VALID_CONSENT' }.pupilId", equalTo(without))
                .body("reasons.find { it.code == 'OBJECTION' }.pupilId", equalTo(objecting));
    }

    @Test
    void con4_aSuspendedOrUnknownAccountIsRefused() {
        String account = account(true);
        String pupil = scenario.pupil("Theo", "Marsh");
        scenario.consent(pupil, "OFFICIAL_SOCIAL_MEDIA");
        accountService.append(account, 2, new AccountSuspendedEvent(account, TestTokens.SCHOOL, "Compromised", AT),
                TestTokens.SCHOOL);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(social(account, List.of(pupil), "", ""))
                .body("allowed", equalTo(false))
                .body("reasons[0].detail", equalTo("The official account is SUSPENDED, not LIVE")));
        check(social(UUID.randomUUID().toString(), List.of(pupil), "", ""))
                .body("reasons.code", containsInAnyOrder("ACCOUNT_NOT_LIVE"));
    }

    @Test
    void con4_aNameIsFoundWhateverItsCaseAccentsOrPunctuation() {
        String pupil = scenario.pupil("Siobhán", "Ó Briain");
        scenario.consent(pupil, "WEBSITE");
        Map<String, Object> website = Map.of("channel", "WEBSITE", "pupilIds", List.of(pupil),
                "caption", "Sports day", "altText", "siobhan o'briain crossing the line");
        check(website).body("reasons.code", containsInAnyOrder("NAME_IN_TEXT"))
                .body("reasons[0].field", equalTo("altText"));
        check(Map.of("channel", "WEBSITE", "pupilIds", List.of(pupil), "caption", "Sports day"))
                .body("allowed", equalTo(true));
    }

    @Test
    void con4_socialMediaNeedsAnAccountAndBadInputIsNamed() {
        API.badInput(STAFF).body(Map.of("channel", "OFFICIAL_SOCIAL_MEDIA", "pupilIds", List.of("p-1")))
                .post(CHECKS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("officialAccountId"));
        API.badInput(STAFF).body(Map.of("channel", "TELEVISION")).post(CHECKS).then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void con4_parentsAndTheMisDoNotCheck() {
        API.as(TestTokens.bearer("parent-1", TestTokens.SCHOOL, "PARENT"))
                .body(Map.of("channel", "WEBSITE", "pupilIds", List.of("p-1"))).post(CHECKS).then().statusCode(403);
        API.as(Scenario.MIS).body(Map.of("channel", "WEBSITE", "pupilIds", List.of("p-1"))).post(CHECKS).then()
                .statusCode(403);
    }

    @Test
    void con6_aPupilWhoLeftIsRefusedDespiteTheirConsent() {
        String pupil = scenario.pupil("Leo", "Banks");
        scenario.consent(pupil, "WEBSITE");
        API.as(Scenario.MIS).body(Map.of("records", List.of(Map.of("pupilId", pupil, "forename", "Leo", "surname", "Banks",
                        "yearGroup", "Year 5", "dateOfBirth", "2016-03-14", "parentalResponsibility", List.of("parent-1"),
                        "leavingDate", "2026-01-10"))))
                .post("/api/v1/pupils/roster").then().statusCode(200).body("left", equalTo(1));
        check(Map.of("channel", "WEBSITE", "pupilIds", List.of(pupil), "caption", "Sports day"))
                .body("allowed", equalTo(false))
                .body("reasons.code", containsInAnyOrder("PUPIL_LEFT"));
    }

    @Inject
    org.axonframework.config.Configuration axon;

    private void provisioned(String id) {
        accountService.append(id, 0, new AccountProvisionedEvent(id, TestTokens.SCHOOL, UUID.randomUUID().toString(),
                AccountPlatform.INSTAGRAM, "oakfield_pe", "Oakfield PE", List.of("staff-2", "staff-3"),
                AccountPrivacy.OPEN, "https://example.org/aup", AT), TestTokens.SCHOOL);
    }

    /**
     * CON-4 across services (issue 15): an account made live in account-service and used at once is allowed,
     * though this service reads account-service's events a moment later.
     */
    @Test
    void con4_anAccountThatWentLiveAMomentAgoIsNotRefused() {
        String pupil = scenario.pupil("Ruby", "Vance");
        scenario.consent(pupil, "OFFICIAL_SOCIAL_MEDIA");
        String account = UUID.randomUUID().toString();
        provisioned(account);
        accountService.append(account, 1, new AccountWentLiveEvent(account, TestTokens.SCHOOL, AT), TestTokens.SCHOOL);
        check(social(account, List.of(pupil), "Sports day", "Children running"))
                .body("reasons", empty())
                .body("allowed", equalTo(true));
    }

    /**
     * CON-4 across services (issue 15): while this service has not read every event account-service stored,
     * an account it does not know live yet is not refused as not live: the answer says it is not yet known.
     */
    @Test
    void con4_anAccountThisServiceHasNotCaughtUpWithIsNotYetKnownRatherThanRefused() {
        String pupil = scenario.pupil("Sami", "Vance");
        scenario.consent(pupil, "OFFICIAL_SOCIAL_MEDIA");
        StreamingEventProcessor accounts = axon.eventProcessingConfiguration()
                .eventProcessor(OfficialAccountProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        String account = UUID.randomUUID().toString();
        accounts.shutDown();
        try {
            provisioned(account);
            accountService.append(account, 1, new AccountWentLiveEvent(account, TestTokens.SCHOOL, AT),
                    TestTokens.SCHOOL);
            check(social(account, List.of(pupil), "", ""))
                    .body("allowed", equalTo(false))
                    .body("reasons.code", equalTo(List.of("ACCOUNT_NOT_YET_KNOWN")))
                    .body("reasons[0].field", equalTo("officialAccountId"));
        } finally {
            accounts.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> check(social(account, List.of(pupil), "", ""))
                .body("allowed", equalTo(true)));
        check(social(UUID.randomUUID().toString(), List.of(pupil), "", ""))
                .body("reasons.code", equalTo(List.of("ACCOUNT_NOT_LIVE")));
    }
}
