package uk.schoolsocial.consent.publication.query;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.consent.Scenario;
import uk.schoolsocial.consent.consent.query.ChannelConsentView;
import uk.schoolsocial.consent.consent.query.ChannelConsentViewRepository;
import uk.schoolsocial.consent.consent.query.PupilViewRepository;
import uk.schoolsocial.consent.officialaccount.query.OfficialLiveAccountViewRepository;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
import uk.schoolsocial.events.account.AccountProvisionedEvent;
import uk.schoolsocial.events.account.AccountSuspendedEvent;
import uk.schoolsocial.events.account.AccountWentLiveEvent;
import uk.schoolsocial.events.consent.ConsentChannel;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.platform.testing.AccountServiceEvents;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * CON-4 answered from the index in memory must be the answer of the read model, at every moment a
 * client can observe: right after any change answered 2xx (read-your-writes, as the command endpoints
 * promise), for every reason against, and after a reload. Real HTTP stack, processors and database.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationCheckConsistencyTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final String CHECKS = "/api/v1/consents/checks";
    private static final String SCHOOL = TestTokens.SCHOOL;
    private static final Instant AT = Instant.parse("2026-09-01T08:00:00Z");
    private static final int ROUNDS = 15;

    @Inject
    PublicationCheck check;
    @Inject
    PublicationCheckIndex index;
    @Inject
    ReadModelFacts readModel;
    @Inject
    PupilViewRepository pupilRows;
    @Inject
    ChannelConsentViewRepository consentRows;
    @Inject
    OfficialLiveAccountViewRepository accountRows;
    @Inject
    BeanProvider<Configuration> axon;
    @Inject
    javax.sql.DataSource dataSource;
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
        await().atMost(Duration.ofSeconds(30)).until(index::trusted);
    }

    private ValidatableResponse check(Map<String, Object> body) {
        return API.as(Scenario.STAFF).body(body).post(CHECKS).then().statusCode(200);
    }

    private static Map<String, Object> website(String pupil, String caption) {
        return Map.of("channel", "WEBSITE", "pupilIds", List.of(pupil), "caption", caption, "altText", "");
    }

    private String account(boolean live) {
        String id = UUID.randomUUID().toString();
        accountService.append(id, 0, new AccountProvisionedEvent(id, SCHOOL, UUID.randomUUID().toString(),
                AccountPlatform.INSTAGRAM, "oakfield_pe", "Oakfield PE", List.of("staff-2"), AccountPrivacy.OPEN,
                "https://example.org/aup", AT), SCHOOL);
        if (live) {
            accountService.append(id, 1, new AccountWentLiveEvent(id, SCHOOL, AT), SCHOOL);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> accountRows.findById(id)
                .filter(row -> row.version() == (live ? 1 : 0)).isPresent());
        return id;
    }

    private void roster(String pupil, String givenName, String leftOn) {
        Map<String, Object> entry = new HashMap<>(Map.of("pupilId", pupil, "forename", givenName,
                "surname", "Banks", "yearGroup", "Year 5", "dateOfBirth", "2016-03-14",
                "parentalResponsibility", List.of("parent-1")));
        if (leftOn != null) {
            entry.put("leavingDate", leftOn);
        }
        API.as(Scenario.MIS).body(Map.of("records", List.of(entry))).post("/api/v1/pupils/roster").then().statusCode(200);
    }

    @Test
    void con3_con4_aCheckRightAfterAWithdrawalAnsweredRefuses() {
        for (int round = 0; round < ROUNDS; round++) {
            String pupil = scenario.pupil("Ava", "Stone");
            scenario.consent(pupil, "WEBSITE");
            check(website(pupil, "Sports day")).body("allowed", equalTo(true));
            API.as(Scenario.STAFF).body(Map.of("withdrawnBy", "parent-1"))
                    .post("/api/v1/pupils/" + pupil + "/consents/WEBSITE/withdrawal").then().statusCode(200);
            check(website(pupil, "Sports day")).body("allowed", equalTo(false))
                    .body("reasons.code", containsInAnyOrder("NO_VALID_CONSENT"));
        }
        assertTrue(index.trusted(), "these checks were answered from the index");
    }

    @Test
    void con2_con6_aCheckRightAfterAnObjectionOrALeavingAnsweredRefuses() {
        for (int round = 0; round < ROUNDS; round++) {
            String objecting = scenario.pupil("Mia", "Frost");
            scenario.consent(objecting, "WEBSITE");
            check(website(objecting, "Sports day")).body("allowed", equalTo(true));
            API.as(Scenario.STAFF).body(Map.of()).post("/api/v1/pupils/" + objecting + "/objection").then().statusCode(201);
            check(website(objecting, "Sports day")).body("reasons.code", containsInAnyOrder("OBJECTION"));

            String leaving = scenario.pupil("Leo", "Banks");
            scenario.consent(leaving, "WEBSITE");
            check(website(leaving, "Sports day")).body("allowed", equalTo(true));
            roster(leaving, "Leo", "2026-01-10");
            check(website(leaving, "Sports day")).body("reasons.code", containsInAnyOrder("PUPIL_LEFT"));
        }
        assertTrue(index.trusted(), "these checks were answered from the index");
    }

    @Test
    void con4_aCheckRightAfterARosterChangeAnsweredFindsTheNewName() {
        for (int round = 0; round < ROUNDS; round++) {
            String pupil = scenario.pupil("Leo", "Banks");
            scenario.consent(pupil, "WEBSITE");
            String newName = "Éowyn" + (char) ('a' + round);
            check(website(pupil, "Well done " + newName.toUpperCase())).body("allowed", equalTo(true));
            roster(pupil, newName, null);
            check(website(pupil, "Well done " + newName.toUpperCase())).body("allowed", equalTo(false))
                    .body("reasons.code", containsInAnyOrder("NAME_IN_TEXT"));
        }
    }

    @Test
    void con4_aCheckRightAfterAnAccountIsKnownAnswersWithIt() {
        String account = account(true);
        String pupil = scenario.pupil("Ruby", "Quinn");
        scenario.consent(pupil, "OFFICIAL_SOCIAL_MEDIA");
        Map<String, Object> social = Map.of("channel", "OFFICIAL_SOCIAL_MEDIA", "officialAccountId", account,
                "pupilIds", List.of(pupil), "caption", "Sports day");
        check(social).body("allowed", equalTo(true));
        accountService.append(account, 2, new AccountSuspendedEvent(account, SCHOOL, "Compromised", AT), SCHOOL);
        await().atMost(Duration.ofSeconds(30)).until(() -> accountRows.findById(account)
                .filter(row -> row.version() == 2).isPresent());
        check(social).body("reasons.code", containsInAnyOrder("ACCOUNT_NOT_LIVE"));
    }

    /** Every reason against, and a few allowed contents: the index and the read model agree on each. */
    @Test
    void con4_theIndexAndTheReadModelGiveTheSameVerdicts() {
        List<PublicationContent> contents = variedContents();
        for (PublicationContent content : contents) {
            assertEquals(check.check(readModel, SCHOOL, content), check.check(index.facts(), SCHOOL, content),
                    () -> "for " + content);
        }
        List<String> codes = contents.stream().flatMap(content -> check.check(index.facts(), SCHOOL, content).reasons()
                .stream()).map(Verdict.Reason::code).toList();
        for (String code : List.of("PUPIL_NOT_ON_ROSTER", "NO_VALID_CONSENT", "OBJECTION", "PUPIL_LEFT",
                "ACCOUNT_NOT_LIVE", "NAME_IN_TEXT", "IDENTIFYING_DETAIL_IN_TEXT")) {
            assertThat(codes, hasItem(code));
        }
        assertTrue(contents.stream().anyMatch(content -> check.check(index.facts(), SCHOOL, content).allowed()));
    }

    /**
     * An index that did not see events (as if another instance had processed them) is not trusted
     * until it has reloaded from the read model, and after that answers as the read model does.
     */
    @Test
    void con4_anIndexThatMissedEventsIsNotTrustedUntilItReloads() {
        List<PublicationContent> contents = variedContents();
        PublicationCheckIndex restarted = new PublicationCheckIndex(pupilRows, consentRows, accountRows, axon, dataSource);
        restarted.reload();
        await().atMost(Duration.ofSeconds(30)).until(restarted::trusted);
        for (PublicationContent content : contents) {
            assertEquals(check.check(readModel, SCHOOL, content), check.check(restarted.facts(), SCHOOL, content),
                    () -> "after a reload, for " + content);
        }

        String pupil = scenario.pupil("Ivy", "Moss");
        scenario.consent(pupil, "WEBSITE");
        PublicationContent photo = new PublicationContent(ConsentChannel.WEBSITE, null, List.of(pupil), "Art", "");
        assertFalse(check.check(restarted.facts(), SCHOOL, photo).allowed(), "it has not seen this pupil");
        await().atMost(Duration.ofSeconds(30)).until(() -> !restarted.trusted());
        await().atMost(Duration.ofSeconds(30)).until(restarted::trusted);
        assertTrue(check.check(restarted.facts(), SCHOOL, photo).allowed(), "reloaded with the pupil and their consent");
        restarted.stop();
    }

    /**
     * CON-1, CON-4: rows handed to the index in a processor transaction that then rolls back were never
     * stored. A consent that was not stored must not let a photo through: the index forgets, is not
     * trusted, and answers again only after loading what the read model holds.
     */
    @Test
    void con1_con4_rowsOfATransactionThatRolledBackAreForgotten() {
        String pupil = scenario.pupil("Ada", "Pike");
        PublicationCheckIndex restarted = new PublicationCheckIndex(pupilRows, consentRows, accountRows, axon, dataSource);
        restarted.reload();
        await().atMost(Duration.ofSeconds(30)).until(restarted::trusted);
        PublicationContent photo = new PublicationContent(ConsentChannel.WEBSITE, null, List.of(pupil), "Art", "");
        assertFalse(check.check(restarted.facts(), SCHOOL, photo).allowed(), "no consent was ever given");

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        restarted.apply(new ChannelConsentView(pupil + "/WEBSITE", pupil, SCHOOL, pupil, "WEBSITE", "parent-1",
                "PAPER_FORM", "CF-9", LocalDate.of(2026, 9, 1), LocalDate.of(2099, 8, 31), AT, 1_000, null, null));
        assertTrue(check.check(restarted.facts(), SCHOOL, photo).allowed(), "the index took the row, as a projection hands it");
        batch.rollback();

        assertFalse(restarted.trusted(), "not trusted once the transaction rolled back");
        await().atMost(Duration.ofSeconds(30)).until(restarted::trusted);
        assertFalse(check.check(restarted.facts(), SCHOOL, photo).allowed(), "the consent that was never stored is gone");
        restarted.stop();
    }

    /**
     * CON-3, CON-4: a rollback in one processor must not lose what the other processor's batch, still open
     * at that moment, hands in. Here batch A withdraws a consent; batch B rolls back before A commits, so
     * the index forgets (A's row with it) and loads the read model, which has no withdrawal yet. The index
     * must not be trusted until A has ended, and then must have the withdrawal A stored.
     */
    @Test
    void con3_con4_aRollbackDoesNotLoseWhatAnotherOpenBatchStores() throws Exception {
        String pupil = scenario.pupil("Eve", "Lund");
        scenario.consent(pupil, "WEBSITE");
        PublicationCheckIndex restarted = new PublicationCheckIndex(pupilRows, consentRows, accountRows, axon, dataSource);
        restarted.reload();
        await().atMost(Duration.ofSeconds(30)).until(restarted::trusted);
        PublicationContent photo = new PublicationContent(ConsentChannel.WEBSITE, null, List.of(pupil), "Art", "");
        assertTrue(check.check(restarted.facts(), SCHOOL, photo).allowed());
        ChannelConsentView given = consentRows.findBySchoolIdAndPupilId(SCHOOL, pupil).get(0);
        ChannelConsentView withdrawn = new ChannelConsentView(given.id(), given.pupilConsentId(), SCHOOL, pupil,
                given.channel(), given.givenBy(), given.method(), given.formReference(), given.givenOn(),
                given.validUntil(), given.recordedAt(), given.version() + 1, "parent-1", Instant.now());

        java.util.concurrent.CountDownLatch handedIn = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch mayCommit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService processorA = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> batchA = processorA.submit(() -> {
                UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
                restarted.apply(withdrawn);
                handedIn.countDown();
                mayCommit.await();
                consentRows.update(withdrawn);   // what A's transaction stores
                batch.commit();
                return null;
            });
            assertTrue(handedIn.await(30, java.util.concurrent.TimeUnit.SECONDS));
            UnitOfWork<?> batchB = DefaultUnitOfWork.startAndGet(null);
            restarted.apply(new ChannelConsentView("other/WEBSITE", "other", SCHOOL, "pupil-other", "WEBSITE",
                    "parent-1", "PAPER_FORM", "CF-8", LocalDate.of(2026, 9, 1), LocalDate.of(2099, 8, 31), AT, 1,
                    null, null));
            batchB.rollback();

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !restarted.trusted());
            mayCommit.countDown();
            batchA.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            processorA.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(restarted::trusted);
        assertFalse(check.check(restarted.trustedFacts().orElseThrow(), SCHOOL, photo).allowed(),
                "the withdrawal batch A stored is in the index");
        restarted.stop();
    }

    private List<PublicationContent> variedContents() {
        String live = account(true);
        String notLive = account(false);
        String consented = scenario.pupil("Chloé", "Dubois");
        String withdrawn = scenario.pupil("Oliver", "Grant");
        String objecting = scenario.pupil("Isla", "Ward");
        String leaver = scenario.pupil("Leo", "Banks");
        String otherChannel = scenario.pupil("Noah", "Lee");
        for (String pupil : List.of(consented, withdrawn, objecting, leaver)) {
            scenario.consent(pupil, "OFFICIAL_SOCIAL_MEDIA");
            scenario.consent(pupil, "WEBSITE");
        }
        scenario.consent(otherChannel, "WEBSITE");
        API.as(Scenario.STAFF).body(Map.of("withdrawnBy", "parent-1"))
                .post("/api/v1/pupils/" + withdrawn + "/consents/OFFICIAL_SOCIAL_MEDIA/withdrawal").then().statusCode(200);
        API.as(Scenario.STAFF).body(Map.of()).post("/api/v1/pupils/" + objecting + "/objection").then().statusCode(201);
        roster(leaver, "Leo", "2026-01-10");
        List<String> everyone = List.of(consented, withdrawn, objecting, leaver, otherChannel, "pupil-unknown");
        List<PublicationContent> contents = new ArrayList<>();
        for (ConsentChannel channel : List.of(ConsentChannel.WEBSITE, ConsentChannel.OFFICIAL_SOCIAL_MEDIA)) {
            String account = channel == ConsentChannel.WEBSITE ? null : live;
            contents.add(new PublicationContent(channel, account, everyone, "Well done CHLOE and the team!",
                    "Born 14/03/2016"));
            contents.add(new PublicationContent(channel, account, List.of(consented), "Year 5 built a rain gauge",
                    "Two pupils from behind"));
            contents.add(new PublicationContent(channel, account, List.of(consented, otherChannel),
                    "dubois, grant and o'ward", "noah lee on 2016-03-14"));
        }
        contents.add(new PublicationContent(ConsentChannel.OFFICIAL_SOCIAL_MEDIA, notLive, List.of(consented), "", ""));
        contents.add(new PublicationContent(ConsentChannel.OFFICIAL_SOCIAL_MEDIA, UUID.randomUUID().toString(),
                List.of(consented), "", ""));
        assertThat(check.check(index.facts(), "another-school", contents.get(1)).reasons().stream()
                .map(Verdict.Reason::code).distinct().toList(), equalTo(List.of("PUPIL_NOT_ON_ROSTER")));
        assertThat(readModel.named("another-school", List.of("chloe")), empty());
        return contents;
    }
}
