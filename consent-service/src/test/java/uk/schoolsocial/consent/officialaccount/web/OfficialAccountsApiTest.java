package uk.schoolsocial.consent.officialaccount.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.schoolsocial.platform.testing.Bearers.OTHER_SCHOOL_SLT;
import static uk.schoolsocial.platform.testing.Bearers.SLT;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.schoolsocial.platform.testing.AccountServiceEvents;
import uk.schoolsocial.platform.testing.AccountEventsDatabaseTest;
import uk.schoolsocial.events.account.AccountPlatform;
import uk.schoolsocial.events.account.AccountPrivacy;
import uk.schoolsocial.events.account.ApplicationSubmittedEvent;
import uk.schoolsocial.events.account.ApplicationWithdrawnEvent;
import uk.schoolsocial.platform.testing.ServiceApi;
import uk.schoolsocial.platform.testing.TestTokens;

/**
 * ARCHITECTURE 3: consent-service learns official accounts from account-service's event store
 * alone. Events are written into a second schema as account-service writes them; the service
 * reads them through its read-only {@code accountevents} datasource and lists them.
 */
@MicronautTest(transactional = false)
class OfficialAccountsApiTest implements AccountEventsDatabaseTest {

    @RegisterExtension
    static final ServiceApi API = new ServiceApi("consent");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    @Named("accountevents")
    DataSource accountEvents;
    @Inject
    DataSource ownSchema;
    @Value("${datasources.accountevents.url}")
    String upstreamUrl;
    @Value("${datasources.accountevents.username}")
    String upstreamUser;
    @Value("${datasources.accountevents.password:}")
    String upstreamPassword;
    private AccountServiceEvents accountService;

    @BeforeAll
    void connectToAccountService() {
        accountService = new AccountServiceEvents(upstreamUrl, upstreamUser, upstreamPassword);
    }

    private static ApplicationSubmittedEvent submitted(String id, String school, Instant at) {
        return new ApplicationSubmittedEvent(id, school, "staff-1", 1, AccountPlatform.INSTAGRAM, "Oakfield PE",
                "oakfield_pe", "Share fixtures", "Parents", "Newsletter", List.of("staff-2", "staff-3"),
                AccountPrivacy.PRIVATE, "Approved followers only", at);
    }

    @Test
    void applicationsAreLearntFromAccountServicesEventsWithTheirStatus() {
        String id = UUID.randomUUID().toString();
        String otherSchools = UUID.randomUUID().toString();
        accountService.append(id, 0, submitted(id, TestTokens.SCHOOL, Instant.now()), TestTokens.SCHOOL);
        accountService.append(otherSchools, 0, submitted(otherSchools, TestTokens.OTHER_SCHOOL, Instant.now()),
                TestTokens.OTHER_SCHOOL);

        await().atMost(PATIENCE).untilAsserted(() -> API.as(SLT).get("/api/v1/official-accounts").then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.status", equalTo("SUBMITTED"))
                .body("items.find { it.id == '" + id + "' }.platform", equalTo("INSTAGRAM"))
                .body("items.find { it.id == '" + id + "' }.handle", equalTo("oakfield_pe"))
                .body("items.id", not(hasItem(otherSchools))));
        await().atMost(PATIENCE).untilAsserted(() -> API.as(OTHER_SCHOOL_SLT).get("/api/v1/official-accounts").then()
                .statusCode(200).body("items.id", hasItem(otherSchools)).body("items.id", not(hasItem(id))));

        accountService.append(id, 1, new ApplicationWithdrawnEvent(id, TestTokens.SCHOOL, "Using the main account",
                Instant.now()), TestTokens.SCHOOL);
        await().atMost(PATIENCE).untilAsserted(() -> API.as(SLT).queryParam("status", "WITHDRAWN")
                .get("/api/v1/official-accounts").then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.status", equalTo("WITHDRAWN"))
                .body("items.find { it.id == '" + id + "' }.withdrawnAt", notNullValue()));
    }

    @Test
    void theListIsPagedWithACursor() {
        String school = "paged-" + UUID.randomUUID();
        String token = TestTokens.bearer("auditor-1", school, "AUDITOR");
        Instant first = Instant.parse("2026-10-01T09:00:00Z");
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            accountService.append(id, 0, submitted(id, school, first.plusSeconds(i)), school);
        }
        await().atMost(PATIENCE).untilAsserted(() -> API.as(token).get("/api/v1/official-accounts").then()
                .statusCode(200).body("items.size()", equalTo(3)));
        String next = API.as(token).queryParam("limit", 2).get("/api/v1/official-accounts").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].submittedAt", equalTo("2026-10-01T09:00:02Z"))
                .extract().path("page.nextCursor");
        API.as(token).queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/official-accounts").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("page.nextCursor", nullValue())
                .body("items[0].submittedAt", equalTo("2026-10-01T09:00:00Z"));
    }

    @Test
    void onlyStaffRolesAndAuditorsSeeOfficialAccounts() {
        API.as(TestTokens.bearer("parent-1", TestTokens.SCHOOL, "PARENT")).get("/api/v1/official-accounts").then()
                .statusCode(403).contentType("application/problem+json");
        API.as(TestTokens.bearer("dsl-1", TestTokens.SCHOOL, "DSL")).get("/api/v1/official-accounts").then()
                .statusCode(403);
        for (String role : new String[]{"SLT", "STAFF", "ACCOUNT_ADMIN", "AUDITOR"}) {
            API.as(TestTokens.bearer("someone", TestTokens.SCHOOL, role)).get("/api/v1/official-accounts").then()
                    .statusCode(200);
        }
        given().port(API.port()).get("/api/v1/official-accounts").then().statusCode(401);
    }

    @Test
    void accountServicesSchemaIsOnlyReadAndOurStateStaysInOurOwn() throws Exception {
        try (Connection upstream = DelegatingDataSource.unwrapDataSource(accountEvents).getConnection()) {
            assertTrue(upstream.isReadOnly());
            assertThrows(SQLException.class, () -> upstream.createStatement().executeUpdate("DELETE FROM token_entry"));
        }
        String tokens = "SELECT COUNT(*) FROM token_entry WHERE processor_name = 'official-accounts'";
        await().atMost(PATIENCE).until(() -> count(DelegatingDataSource.unwrapDataSource(ownSchema), tokens) > 0);
        try (Connection upstream = DriverManager.getConnection(upstreamUrl, upstreamUser, upstreamPassword);
             ResultSet views = upstream.getMetaData().getTables(upstream.getCatalog(), null, "official_account_view", null)) {
            assertEquals(0, count(() -> DriverManager.getConnection(upstreamUrl, upstreamUser, upstreamPassword), tokens),
                    "the processor's tokens belong in consent's own schema");
            assertFalse(views.next(), "the read model belongs in consent's own schema");
        }
    }

    private interface Connections {
        Connection get() throws SQLException;
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        return count(dataSource::getConnection, sql);
    }

    private static long count(Connections connections, String sql) throws SQLException {
        try (Connection c = connections.get(); ResultSet row = c.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
