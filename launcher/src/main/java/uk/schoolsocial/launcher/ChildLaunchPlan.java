package uk.schoolsocial.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of each child process, as the runtime contract names them.
 * Services listen on 127.0.0.1 only: they trust any request carrying a valid internal token and
 * are reached through the gateway alone.
 */
final class ChildLaunchPlan {

    private static final String LOOPBACK = "127.0.0.1";

    private final SuiteConfig config;
    private final DataDirectory dataDir;
    private final DatabaseServer database;
    private final String internalTokenSecret;

    ChildLaunchPlan(
            SuiteConfig config, DataDirectory dataDir, DatabaseServer database, String internalTokenSecret) {
        this.config = config;
        this.dataDir = dataDir;
        this.database = database;
        this.internalTokenSecret = internalTokenSecret;
    }

    static String host(Deployable deployable, SuiteConfig config) {
        return deployable == Deployable.GATEWAY ? config.gatewayHost() : LOOPBACK;
    }

    /** @return where the launcher reaches it; a wildcard bind is reached over loopback */
    URI baseUrl(Deployable deployable) {
        return baseUrl(deployable, 0);
    }

    /** @param instance from 0 ({@code SMP_INSTANCES}, issue 13) */
    URI baseUrl(Deployable deployable, int instance) {
        String host = host(deployable, config);
        boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        return URI.create("http://" + (wildcard ? LOOPBACK : host) + ":" + deployable.port(config.ports(), instance));
    }

    /** @return how many instances of {@code deployable} run: the gateway always one */
    int instances(Deployable deployable) {
        return deployable.isService() ? config.instances() : 1;
    }

    /** {@code java} of the launcher's own JVM, so children run on the same Java version. */
    List<String> command(Deployable deployable) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(config.jvmOptions());
        command.add("-Ddisable-axoniq-console-message=true");
        command.add("-jar");
        command.add(deployable.jar(config.home()).toString());
        return command;
    }

    Map<String, String> environment(Deployable deployable) {
        return environment(deployable, 0);
    }

    Map<String, String> environment(Deployable deployable, int instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MICRONAUT_SERVER_HOST", host(deployable, config));
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(deployable.port(config.ports(), instance)));
        env.put("SMP_INTERNAL_TOKEN_SECRET", internalTokenSecret);
        deployable.schema().ifPresent(schema -> putDatasource(env, "DEFAULT", schema));
        if (deployable == Deployable.ACCOUNT && System.getenv(CredentialsKey.VARIABLE) == null) {
            env.put(CredentialsKey.VARIABLE, CredentialsKey.resolve(dataDir.credentialsKey()));
        }
        if (deployable != Deployable.GATEWAY && System.getenv(AuditSigningKey.VARIABLE) == null) {
            env.put(AuditSigningKey.VARIABLE, AuditSigningKey.resolve(dataDir.auditSigningKey()));
        }
        if (deployable != Deployable.GATEWAY && System.getenv(PrivacyMasterKey.VARIABLE) == null) {
            env.put(PrivacyMasterKey.VARIABLE, CredentialsKey.resolve(dataDir.privacyMasterKey()));
        }
        for (Deployable source : deployable.eventSources()) {
            putDatasource(env, source.name() + "EVENTS", source.schema().orElseThrow());
        }
        if (deployable == Deployable.GATEWAY) {
            env.put("SMP_SERVICES_ACCOUNT_URL", baseUrl(Deployable.ACCOUNT).toString());
            env.put("SMP_SERVICES_INCIDENT_URL", baseUrl(Deployable.INCIDENT).toString());
            env.put("SMP_SERVICES_CONSENT_URL", baseUrl(Deployable.CONSENT).toString());
            // Issue 13: the further instances of each service, which the gateway balances with the first.
            for (Deployable service : List.of(Deployable.ACCOUNT, Deployable.INCIDENT, Deployable.CONSENT)) {
                List<String> more = new ArrayList<>();
                for (int other = 1; other < instances(service); other++) {
                    more.add(baseUrl(service, other).toString());
                }
                if (!more.isEmpty()) {
                    env.put("SMP_SERVICES_" + service.name() + "_INSTANCES", String.join(",", more));
                }
            }
            env.put("SMP_AUTH_DEV_KEY_FILE", dataDir.devIssuerKey().toString());
        }
        return env;
    }

    private void putDatasource(Map<String, String> env, String name, String schema) {
        env.put("DATASOURCES_" + name + "_URL", database.schemaUrl(schema));
        env.put("DATASOURCES_" + name + "_USERNAME", database.user());
        env.put("DATASOURCES_" + name + "_PASSWORD", database.password());
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
