package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildLaunchPlanTest {

    private static final String SECRET = "s".repeat(64);

    private final DataDirectory dataDir = DataDirectory.prepare(newDirectory());
    private final SuiteConfig config = SuiteConfig.fromEnvironment(Map.of("SMP_HOME", "/smp"), Path.of("/"))
            .withDataDir(dataDir.root());
    private final ChildLaunchPlan plan = new ChildLaunchPlan(config, dataDir,
            new DatabaseServer("jdbc:mysql://127.0.0.1:3307", "root", ""), SECRET);

    private static Path newDirectory() {
        try {
            return TestFiles.newDirectory("plan");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eachServiceGetsItsOwnSchemaPortAndTheSecret() {
        Map<String, String> env = plan.environment(Deployable.INCIDENT);

        assertEquals("8082", env.get("MICRONAUT_SERVER_PORT"));
        assertEquals("127.0.0.1", env.get("MICRONAUT_SERVER_HOST"));
        assertEquals("jdbc:mysql://127.0.0.1:3307/smp_incident", env.get("DATASOURCES_DEFAULT_URL"));
        assertEquals("root", env.get("DATASOURCES_DEFAULT_USERNAME"));
        assertEquals("", env.get("DATASOURCES_DEFAULT_PASSWORD"));
        assertEquals(SECRET, env.get("SMP_INTERNAL_TOKEN_SECRET"));
        // INC: a staff member leaving (account-service's event) reassigns their open incidents
        assertEquals("jdbc:mysql://127.0.0.1:3307/smp_account", env.get("DATASOURCES_ACCOUNTEVENTS_URL"));
    }

    @Test
    void accountServiceFollowsNoOtherStream() {
        assertFalse(plan.environment(Deployable.ACCOUNT).containsKey("DATASOURCES_ACCOUNTEVENTS_URL"));
    }

    /** ACC-6: the credentials key is configuration, kept with the data so that stored credentials stay readable. */
    @Test
    void onlyAccountServiceGetsTheCredentialsKeyAndItIsTheSameEveryRun() {
        String key = plan.environment(Deployable.ACCOUNT).get("SMP_ACCOUNT_CREDENTIALS_KEY");
        assertEquals(32, java.util.Base64.getDecoder().decode(key).length);
        assertEquals(key, plan.environment(Deployable.ACCOUNT).get("SMP_ACCOUNT_CREDENTIALS_KEY"));
        assertFalse(plan.environment(Deployable.CONSENT).containsKey("SMP_ACCOUNT_CREDENTIALS_KEY"));
        assertFalse(plan.environment(Deployable.GATEWAY).containsKey("SMP_ACCOUNT_CREDENTIALS_KEY"));
    }

    /** AUD-3: one audit key for every service, kept with the data so that kept checkpoints still verify. */
    @Test
    void everyServiceGetsTheSameAuditSigningKeyEveryRunAndTheGatewayNone() throws Exception {
        String key = plan.environment(Deployable.ACCOUNT).get("SMP_AUDIT_SIGNING_KEY");

        KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
        assertEquals(key, plan.environment(Deployable.INCIDENT).get("SMP_AUDIT_SIGNING_KEY"));
        assertEquals(key, plan.environment(Deployable.CONSENT).get("SMP_AUDIT_SIGNING_KEY"));
        assertEquals(key, plan.environment(Deployable.ACCOUNT).get("SMP_AUDIT_SIGNING_KEY"));
        assertEquals(key, Files.readString(dataDir.auditSigningKey()));
        assertFalse(plan.environment(Deployable.GATEWAY).containsKey("SMP_AUDIT_SIGNING_KEY"));
    }

    /** AUD-4: one master key for the services' data-subject keys, kept with the data; the gateway holds no personal data. */
    @Test
    void everyServiceGetsTheSamePrivacyMasterKeyEveryRunAndTheGatewayNone() throws Exception {
        String key = plan.environment(Deployable.INCIDENT).get("SMP_PRIVACY_MASTER_KEY");

        assertEquals(32, Base64.getDecoder().decode(key).length);
        assertEquals(key, plan.environment(Deployable.ACCOUNT).get("SMP_PRIVACY_MASTER_KEY"));
        assertEquals(key, plan.environment(Deployable.CONSENT).get("SMP_PRIVACY_MASTER_KEY"));
        assertEquals(key, Files.readString(dataDir.privacyMasterKey()).trim());
        assertFalse(plan.environment(Deployable.GATEWAY).containsKey("SMP_PRIVACY_MASTER_KEY"));
    }

    @Test
    void consentServiceAlsoReadsAccountServicesEvents() {
        Map<String, String> env = plan.environment(Deployable.CONSENT);

        assertEquals("jdbc:mysql://127.0.0.1:3307/smp_consent", env.get("DATASOURCES_DEFAULT_URL"));
        assertEquals("jdbc:mysql://127.0.0.1:3307/smp_account", env.get("DATASOURCES_ACCOUNTEVENTS_URL"));
        assertEquals("root", env.get("DATASOURCES_ACCOUNTEVENTS_USERNAME"));
        assertEquals("", env.get("DATASOURCES_ACCOUNTEVENTS_PASSWORD"));
    }

    @Test
    void theGatewayFindsTheServicesAndKeepsItsKeyInTheDataDirectory() {
        Map<String, String> env = plan.environment(Deployable.GATEWAY);

        assertEquals("8080", env.get("MICRONAUT_SERVER_PORT"));
        assertEquals("http://127.0.0.1:8081", env.get("SMP_SERVICES_ACCOUNT_URL"));
        assertEquals("http://127.0.0.1:8082", env.get("SMP_SERVICES_INCIDENT_URL"));
        assertEquals("http://127.0.0.1:8083", env.get("SMP_SERVICES_CONSENT_URL"));
        assertEquals(dataDir.root().resolve("secrets/dev-issuer.jwk").toString(), env.get("SMP_AUTH_DEV_KEY_FILE"));
        assertEquals(SECRET, env.get("SMP_INTERNAL_TOKEN_SECRET"));
        assertFalse(env.keySet().stream().anyMatch(name -> name.startsWith("DATASOURCES_")));
    }

    /** Issue 13: SMP_INSTANCES=2 runs each service twice, the second 10 ports up; the gateway is told of both. */
    @Test
    void withTwoInstancesTheSecondListensTenPortsUpAndTheGatewayBalancesBoth() {
        SuiteConfig two = SuiteConfig.fromEnvironment(Map.of("SMP_HOME", "/smp", "SMP_INSTANCES", "2"), Path.of("/"))
                .withDataDir(dataDir.root());
        ChildLaunchPlan twice = new ChildLaunchPlan(two, dataDir,
                new DatabaseServer("jdbc:mysql://127.0.0.1:3307", "root", ""), SECRET);

        assertEquals(2, twice.instances(Deployable.CONSENT));
        assertEquals(1, twice.instances(Deployable.GATEWAY));
        Map<String, String> second = twice.environment(Deployable.CONSENT, 1);
        assertEquals("8093", second.get("MICRONAUT_SERVER_PORT"));
        assertEquals("jdbc:mysql://127.0.0.1:3307/smp_consent", second.get("DATASOURCES_DEFAULT_URL"));
        assertEquals("consent-service-2", Deployable.CONSENT.processName(1));
        Map<String, String> gateway = twice.environment(Deployable.GATEWAY);
        assertEquals("http://127.0.0.1:8081", gateway.get("SMP_SERVICES_ACCOUNT_URL"));
        assertEquals("http://127.0.0.1:8091", gateway.get("SMP_SERVICES_ACCOUNT_INSTANCES"));
        assertEquals("http://127.0.0.1:8092", gateway.get("SMP_SERVICES_INCIDENT_INSTANCES"));
        assertEquals("http://127.0.0.1:8093", gateway.get("SMP_SERVICES_CONSENT_INSTANCES"));
        assertFalse(plan.environment(Deployable.GATEWAY).containsKey("SMP_SERVICES_ACCOUNT_INSTANCES"));
    }

    @Test
    void childrenRunTheJarOnThisJvmWithTheConfiguredOptions() {
        List<String> command = plan.command(Deployable.ACCOUNT);

        assertTrue(command.get(0).endsWith("java"), command.get(0));
        assertEquals(List.of("-Xss512k", "-XX:+UseSerialGC", "-Xmx256m",
                "-Ddisable-axoniq-console-message=true", "-jar", "/smp/account-service/target/account-service.jar"),
                command.subList(1, command.size()));
    }

    @Test
    void aGatewayBoundToAllInterfacesIsReachedOverLoopback() {
        SuiteConfig everywhere = SuiteConfig.fromEnvironment(Map.of("SMP_GATEWAY_HOST", "0.0.0.0"), Path.of("/"));
        ChildLaunchPlan open = new ChildLaunchPlan(everywhere, dataDir,
                new DatabaseServer("jdbc:mysql://127.0.0.1:3307", "root", ""), SECRET);

        assertEquals("0.0.0.0", open.environment(Deployable.GATEWAY).get("MICRONAUT_SERVER_HOST"));
        assertEquals(URI.create("http://127.0.0.1:8080"), open.baseUrl(Deployable.GATEWAY));
        assertEquals("127.0.0.1", open.environment(Deployable.ACCOUNT).get("MICRONAUT_SERVER_HOST"));
    }
}
