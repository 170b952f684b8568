package uk.schoolsocial.platform.testing;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A service's REST API as its tests call it: every exchange checked against the service's
 * OpenAPI document in {@code api-specs/openapi}, and the stored events counted.
 */
public final class ServiceApi {

    private final OpenApiValidationFilter contract;
    private final OpenApiValidationFilter responses;

    /** @param document the OpenAPI file name without extension, e.g. {@code account} */
    public ServiceApi(String document) {
        String spec = "../api-specs/openapi/" + document + ".yaml";
        this.contract = Contract.of(spec);
        this.responses = Contract.responsesOf(spec);
    }

    /** A JSON request whose request and response must both match the document. */
    public RequestSpecification as(int port, String bearer) {
        return given().port(port).filter(contract).header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** For bad input on purpose: only the answer is checked against the document. */
    public RequestSpecification badInput(int port, String bearer) {
        return given().port(port).filter(responses).header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** How many events the service has stored: a replayed request must not add one. */
    public static long eventCount(DataSource dataSource) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet row = c.createStatement().executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }
}
