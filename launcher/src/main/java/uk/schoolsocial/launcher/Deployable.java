package uk.schoolsocial.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** The four processes of the runtime contract, with the schema each service owns. */
enum Deployable {
    ACCOUNT("account-service", "smp_account", "SMP_ACCOUNT_PORT", Ports::account),
    INCIDENT("incident-service", "smp_incident", "SMP_INCIDENT_PORT", Ports::incident),
    CONSENT("consent-service", "smp_consent", "SMP_CONSENT_PORT", Ports::consent),
    GATEWAY("gateway", null, "SMP_GATEWAY_PORT", Ports::gateway);

    private final String moduleName;
    private final String schema;
    private final String portVariable;
    private final ToIntFunction<Ports> port;

    Deployable(String moduleName, String schema, String portVariable, ToIntFunction<Ports> port) {
        this.moduleName = moduleName;
        this.schema = schema;
        this.portVariable = portVariable;
        this.port = port;
    }

    /** @return the Maven module, the jar's base name, and the name shown in logs */
    String moduleName() {
        return moduleName;
    }

    /** @return the schema this service owns; empty for the gateway, which has no database */
    Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    /** @return the environment variable that moves this process to another port */
    String portVariable() {
        return portVariable;
    }

    int port(Ports ports) {
        return port.applyAsInt(ports);
    }

    /** Ports apart of two instances of one service (issue 13, {@code SMP_INSTANCES}). */
    static final int INSTANCE_PORT_STEP = 10;

    /** @param instance from 0; the gateway has one instance only */
    int port(Ports ports, int instance) {
        return port(ports) + INSTANCE_PORT_STEP * instance;
    }

    /** @return the first instance's name is the module's; the next are {@code <module>-2}, {@code -3} ... */
    String processName(int instance) {
        return instance == 0 ? moduleName : moduleName + "-" + (instance + 1);
    }

    boolean isService() {
        return this != GATEWAY;
    }

    /**
     * @return the services whose event streams this one follows through a read-only datasource
     *     named {@code <producer>events} (docs/runtime-contract.md, ARCHITECTURE 3)
     */
    List<Deployable> eventSources() {
        return switch (this) {
            case CONSENT, INCIDENT -> List.of(ACCOUNT);
            default -> List.of();
        };
    }

    /** @return where {@code ./mvnw package} leaves the shaded jar under the project root */
    Path jar(Path home) {
        return home.resolve(moduleName).resolve("target").resolve(moduleName + ".jar");
    }
}
