package uk.schoolsocial.platform.testing;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.MicronautJunit5Extension;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A service's REST API as its tests call it: every exchange checked against the service's
 * OpenAPI document in {@code api-specs/openapi}, and the stored events counted.
 *
 * <p>In a {@code @MicronautTest} it is a JUnit extension, so that no test class repeats the
 * preamble of port, contract filter and event count:
 * <pre>{@code
 * @RegisterExtension
 * static final ServiceApi API = new ServiceApi("account");
 * ...
 * API.as(STAFF).body(...).post("/api/v1/applications").then().statusCode(201);
 * }</pre>
 * It finds the server of the class's application context where micronaut-test keeps that
 * context (the root store under {@link MicronautJunit5Extension}'s namespace), when a request is
 * made rather than when the class starts, so it does not depend on the order the extensions run in.
 * Outside such a test (a context the test starts itself), pass the port.
 */
public final class ServiceApi implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace MICRONAUT =
            ExtensionContext.Namespace.create(MicronautJunit5Extension.class);

    private final String document;
    private final OpenApiValidationFilter contract;
    private final OpenApiValidationFilter responses;
    private volatile ExtensionContext.Store micronaut;

    /** @param document the OpenAPI file name without extension, e.g. {@code account} */
    public ServiceApi(String document) {
        String spec = "../api-specs/openapi/" + document + ".yaml";
        this.document = document;
        this.contract = Contract.of(spec);
        this.responses = Contract.responsesOf(spec);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        micronaut = context.getRoot().getStore(MICRONAUT);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        micronaut = null;
    }

    /** A JSON request as {@code bearer} to the test's server; request and response must both match the document. */
    public RequestSpecification as(String bearer) {
        return as(port(), bearer);
    }

    /** For bad input on purpose, to the test's server: only the answer is checked against the document. */
    public RequestSpecification badInput(String bearer) {
        return badInput(port(), bearer);
    }

    /** A JSON request whose request and response must both match the document. */
    public RequestSpecification as(int port, String bearer) {
        return given().port(port).filter(contract).header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** For bad input on purpose: only the answer is checked against the document. */
    public RequestSpecification badInput(int port, String bearer) {
        return given().port(port).filter(responses).header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** The port the test's server listens on. */
    public int port() {
        return context().getBean(EmbeddedServer.class).getPort();
    }

    /** How many events the test's service has stored (its default datasource): a replayed request must not add one. */
    public long events() throws SQLException {
        return eventCount(context().getBean(DataSource.class));
    }

    /** How many events the service has stored: a replayed request must not add one. */
    public static long eventCount(DataSource dataSource) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet row = c.createStatement().executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    private ApplicationContext context() {
        ExtensionContext.Store store = micronaut;
        ApplicationContext context = store == null ? null : store.get(ApplicationContext.class, ApplicationContext.class);
        if (context == null || !context.isRunning()) {
            throw new IllegalStateException("ServiceApi(" + document + ") knows no running server: register it with"
                    + " @RegisterExtension in a @MicronautTest class, or pass the port");
        }
        return context;
    }
}
