package uk.schoolsocial.platform.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * AUD-3 after an AUD-4 erasure: the service's chain still verifies, and an event edited afterwards
 * (a plain field of its stored payload) is still named as altered.
 */
public final class AuditChainCheck {

    private static final ServiceApi AUDIT = new ServiceApi("audit");
    private static final String AUDITOR = TestTokens.bearer("auditor-1", TestTokens.SCHOOL, "AUDITOR");

    private AuditChainCheck() {
    }

    /**
     * @param marker a text of the payloads to edit (an id), {@code from} replaced there by {@code to}
     */
    public static void intactThenAnEditIsDetected(int port, String service, DataSource dataSource, String marker,
                                                  String from, String to) throws SQLException {
        AUDIT.as(port, AUDITOR).body(Map.of()).post("/api/v1/audit/" + service + "/verifications").then()
                .statusCode(200).body("intact", equalTo(true));
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement edit = connection.prepareStatement(
                     "UPDATE domain_event_entry SET payload = REPLACE(payload, ?, ?) WHERE payload LIKE ? AND payload LIKE ?")) {
            edit.setString(1, from);
            edit.setString(2, to);
            edit.setString(3, "%" + marker + "%");
            edit.setString(4, "%" + from + "%");
            assertTrue(edit.executeUpdate() > 0, "an event to edit");
        }
        AUDIT.as(port, AUDITOR).body(Map.of()).post("/api/v1/audit/" + service + "/verifications").then()
                .statusCode(200).body("intact", equalTo(false)).body("firstBreak.problem", equalTo("ALTERED"));
    }
}
