package uk.schoolsocial.gateway.routing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.gateway.Failures;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configuration that would make the gateway forward requests wrongly stops it at startup. */
class StartupValidationTest {

    private static void assertDoesNotStart(ApplicationContextBuilder builder, String expectedInMessage) {
        Exception failure = assertThrows(Exception.class, () -> builder.start().getBean(EmbeddedServer.class).start());
        assertTrue(Failures.messages(failure).contains(expectedInMessage), Failures.messages(failure));
    }

    private static ApplicationContextBuilder withProperties(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        return ApplicationContext.builder().properties(all);
    }

    @Test
    void shortInternalTokenSecretStopsTheGateway() {
        assertDoesNotStart(withProperties(Map.of("smp.internal-token.secret", "only-31-characters-long-secret!")),
                "smp.internal-token.secret");
    }

    @Test
    void secretOf32CharactersIsEnough() {
        try (ApplicationContext context = withProperties(
                Map.of("smp.internal-token.secret", "exactly-32-characters-long-key!!")).start()) {
            assertTrue(context.isRunning());
        }
    }

    @Test
    void missingInternalTokenSecretStopsTheGateway() {
        // Without the test environment, application-test.yml and its secret are not read.
        assertDoesNotStart(withProperties(Map.of("smp.auth.dev.key-file", "target/test-dev-issuer.jwk"))
                .deduceEnvironment(false).environments("no-secret"), "smp.internal-token.secret");
    }

    @Test
    void prefixClaimedByTwoServicesStopsTheGateway() {
        assertDoesNotStart(withProperties(Map.of("smp.services.incident.prefixes", "incidents,staff")),
                "Path prefix 'staff' is claimed by both");
    }

    /** Issue 11: the server would cut a body the contracts allow short of its 413; the gateway does not start. */
    @Test
    void aBodyLimitAboveWhatTheServerTakesStopsTheGateway() {
        assertDoesNotStart(withProperties(Map.of("micronaut.server.max-request-size", 2048)),
                "micronaut.server.max-request-size is 2048");
    }

    @Test
    void serviceWithoutPrefixesStopsTheGateway() {
        assertDoesNotStart(withProperties(Map.of("smp.services.audit.url", "http://127.0.0.1:8084")),
                "smp.services.audit.prefixes");
    }

    @Test
    void prefixAuditStopsTheGateway() {
        assertDoesNotStart(withProperties(Map.of("smp.services.incident.prefixes", "incidents,audit")),
                "smp.services.incident.prefixes must not claim 'audit'");
    }

    /** Issue 16: /api/v1/reports/governors is the gateway's own. */
    @Test
    void prefixReportsStopsTheGateway() {
        assertDoesNotStart(withProperties(Map.of("smp.services.incident.prefixes", "incidents,reports")),
                "smp.services.incident.prefixes must not claim 'reports'");
    }

    /** Issue 12: /api/v1/changes, the suite's change feed, is the gateway's own. */
    @Test
    void prefixChangesStopsTheGateway() {
        assertDoesNotStart(withProperties(Map.of("smp.services.account.prefixes", "applications,changes")),
                "smp.services.account.prefixes must not claim 'changes'");
    }

    @Test
    void serviceNamedEventsStopsTheGateway() {
        assertDoesNotStart(withProperties(Map.of("smp.services.events.url", "http://127.0.0.1:8084",
                "smp.services.events.prefixes", "happenings")), "smp.services.events cannot be a service's name");
    }

    @Test
    void serviceUrlThatIsNotHttpStopsTheGateway() {
        assertDoesNotStart(withProperties(Map.of("smp.services.consent.url", "ftp://127.0.0.1:8083")),
                "smp.services.consent.url");
    }
}
