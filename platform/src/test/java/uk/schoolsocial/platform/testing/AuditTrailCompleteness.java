package uk.schoolsocial.platform.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import uk.schoolsocial.events.AuditMetadata;

/**
 * AUD-1 over a whole test run: every event that any test of the service stored carries the audit
 * metadata (actor, roles, school, correlation and causation ids; a reason, when present, is not
 * blank), and every event type of the service's published language was stored at least once, so
 * that no type escapes the check. A service runs it last (see its {@code junit-platform.properties}).
 */
public final class AuditTrailCompleteness {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditTrailCompleteness() {
    }

    /** @param eventsPackage the service's events, e.g. {@code uk.schoolsocial.events.incident} */
    public static void assertEveryEventTypeCarriesAuditMetadata(String eventsPackage) throws SQLException {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        long checked = 0;
        for (String schema : TestDatabase.createdSchemas()) {
            try (Connection connection = TestDatabase.connect(schema);
                 ResultSet rows = connection.createStatement().executeQuery(
                         "SELECT event_identifier, payload_type, meta_data FROM domain_event_entry")) {
                while (rows.next()) {
                    checked++;
                    String type = rows.getString(2);
                    seen.add(type);
                    check(rows.getString(1), type, rows.getBytes(3), violations);
                }
            } catch (SQLException e) {
                if (!e.getMessage().contains("doesn't exist")) {
                    throw e;
                }
            }
        }
        Set<String> declared = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().importPackages(eventsPackage)) {
            if (type.getSimpleName().endsWith("Event") && type.isRecord() && !type.isNestedClass()) {
                declared.add(type.getName());
            }
        }
        assertTrue(checked > 0, "no events were stored by the test run: the check proves nothing");
        assertTrue(violations.isEmpty(), "AUD-1: events without their audit metadata:\n" + String.join("\n", violations));
        declared.removeAll(seen);
        assertTrue(declared.isEmpty(), "AUD-1: no test stored these event types, so nothing proves they carry"
                + " their audit metadata: " + declared);
    }

    private static void check(String id, String type, byte[] metaData, List<String> violations) {
        JsonNode meta;
        try {
            meta = metaData == null ? JSON.createObjectNode() : JSON.readTree(metaData);
        } catch (IOException e) {
            violations.add(type + " " + id + ": metadata is not JSON");
            return;
        }
        for (String key : AuditMetadata.REQUIRED) {
            JsonNode value = meta.get(key);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                violations.add(type + " " + id + ": no " + key);
            }
        }
        JsonNode reason = meta.get(AuditMetadata.REASON);
        if (reason != null && !reason.isNull() && reason.asText().isBlank()) {
            violations.add(type + " " + id + ": a blank reason");
        }
    }
}
