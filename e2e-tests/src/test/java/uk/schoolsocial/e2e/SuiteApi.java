package uk.schoolsocial.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.schoolsocial.launcher.Suite;
import uk.schoolsocial.launcher.SuiteConfig;

/**
 * The launched suite as an e2e class drives it: started for the class ({@link LaunchedSuite}: its own
 * ports and data directory), stopped after it, and called through its gateway as a demo user. As
 * platform's {@code ServiceApi} does for a service's REST tests, it is a JUnit extension, so that no
 * class repeats the preamble of start, stop and bearer token:
 * <pre>{@code
 * @RegisterExtension
 * static final SuiteApi SUITE = SuiteApi.launched("audit-trail", 18480);
 * ...
 * SUITE.as("staff").body(...).post("/api/v1/applications").then().statusCode(201);
 * }</pre>
 * A class whose suite needs something started first (a mail server, a trace collector, whose port
 * the suite is given) takes {@link #startedByTheClass()} and calls {@link #start} from its
 * {@code @BeforeAll}; what the suite talks to is handed to {@link #closeAfterwards}, to be closed
 * once the suite has stopped. {@link #restart} starts the same suite again on the data it kept.
 */
final class SuiteApi implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<SuiteConfig> configure;
    private final List<AutoCloseable> afterwards = new ArrayList<>();
    private SuiteConfig config;
    private Suite suite;

    private SuiteApi(Supplier<SuiteConfig> configure) {
        this.configure = configure;
    }

    /** The suite of {@link LaunchedSuite#config}, started before the class's own {@code @BeforeAll}. */
    static SuiteApi launched(String name, int firstPort, String... jvmOptions) {
        return new SuiteApi(() -> LaunchedSuite.config(name, firstPort, jvmOptions));
    }

    /** As {@link #launched}, with {@code instances} processes of every service ({@link LaunchedSuite#instancesConfig}). */
    static SuiteApi launchedInstances(String name, int firstPort, int instances, String... jvmOptions) {
        return new SuiteApi(() -> LaunchedSuite.instancesConfig(name, firstPort, instances, jvmOptions));
    }

    /** A suite the class starts itself with {@link #start}, once what it needs is running. */
    static SuiteApi startedByTheClass() {
        return new SuiteApi(null);
    }

    /** Starts the suite of {@link LaunchedSuite#config}; it stops after the class. */
    void start(String name, int firstPort, String... jvmOptions) {
        start(LaunchedSuite.config(name, firstPort, jvmOptions));
    }

    private void start(SuiteConfig config) {
        this.config = config;
        suite = Suite.start(config);
    }

    /** Stops the suite and starts it again with the same configuration, on the data it kept. */
    void restart() {
        suite().stop();
        suite = Suite.start(config);
    }

    /** Closes {@code resource} after the class, once the suite has stopped (or failed to start), in the order given. */
    void closeAfterwards(AutoCloseable resource) {
        afterwards.add(resource);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (configure != null) {
            start(configure.get());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Exception failed = null;
        try {
            if (suite != null) {
                suite.stop();
            }
        } catch (RuntimeException e) {
            failed = e;
        }
        suite = null;
        config = null;
        // Each resource is closed whatever the suite or another resource threw; the first failure is
        // thrown, the others added to it.
        for (AutoCloseable resource : afterwards) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        afterwards.clear();
        if (failed != null) {
            throw failed;
        }
    }

    /** The running suite: its database, data directory, services. */
    Suite suite() {
        if (suite == null) {
            throw new IllegalStateException("The suite is not running: register SuiteApi with @RegisterExtension"
                    + " and, if the class starts it, call start(...) from @BeforeAll");
        }
        return suite;
    }

    URI gatewayUrl() {
        return suite().gatewayUrl();
    }

    /** A fresh bearer token for a demo user from the gateway's dev issuer. */
    String token(String user) {
        return suite().token(user);
    }

    /** A JSON request to the gateway as a demo user. */
    RequestSpecification as(String user) {
        return request().contentType(ContentType.JSON).header("Authorization", "Bearer " + token(user));
    }

    /** A request to the gateway with no token. */
    RequestSpecification request() {
        return given().baseUri(gatewayUrl().toString());
    }
}
