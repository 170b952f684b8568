package uk.schoolsocial.platform.axon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import uk.schoolsocial.platform.testing.PlatformAxonContext;
import uk.schoolsocial.platform.testing.TestDatabase;
import uk.schoolsocial.platform.testing.TestTokens;

/** The Axon runtime of platform against the real database, across context restarts. */
class AxonInfrastructureTest {

    private static Map<String, Object> properties(Map<String, Object> database) {
        return PlatformAxonContext.properties(database);
    }

    private static MetaData audit() {
        return PlatformAxonContext.audit("school-a");
    }

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterItWithAuditMetadata() throws Exception {
        Map<String, Object> database = TestDatabase.newSchema("deadlines");
        String id = UUID.randomUUID().toString();
        try (ApplicationContext first = ApplicationContext.run(properties(database))) {
            first.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(
                    new ReminderAggregate.ScheduleReminderCommand(id, 3_000)).andMetaData(audit()));
        }
        String schema = database.get("datasources.default.url").toString().replaceAll(".*/", "");
        assertEquals(0, count(schema, "ReminderFiredEvent"), "fired before the restart: the test proves nothing");
        assertEquals(1, count(schema, "scheduled_tasks"), "the deadline was not stored");
        try (ApplicationContext second = ApplicationContext.run(properties(database))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> count(schema, "ReminderFiredEvent") == 1);
        }
        assertEquals(0, count(schema, "scheduled_tasks"));
        String metadata = firedMetadata(schema);
        for (String expected : new String[]{"\"actorId\":\"system:deadline:reminder\"", "\"actorRoles\":\"SYSTEM\"",
                "\"schoolId\":\"school-a\"", "\"scheduledBy\":\"tester\"", "\"causationId\":"}) {
            org.junit.jupiter.api.Assertions.assertTrue(metadata.contains(expected), metadata + " lacks " + expected);
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("The deadlines of ACC-7, ACC-8 and INC-3: one whose instance died while running it runs again after four missed heartbeats")
    void aDeadlineWhoseInstanceDiedWhileRunningItRunsAgainAfterTheMissedHeartbeats() throws Exception {
        Map<String, Object> database = TestDatabase.newSchema("deadheartbeat");
        String id = UUID.randomUUID().toString();
        try (ApplicationContext first = ApplicationContext.run(properties(database))) {
            first.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(
                    new ReminderAggregate.ScheduleReminderCommand(id, 60_000)).andMetaData(audit()));
        }
        String schema = database.get("datasources.default.url").toString().replaceAll(".*/", "");
        // As an instance leaves it that died while running it: picked, due, its last heartbeat ten minutes ago
        // (db-scheduler's own default would wait 30 minutes before calling that instance dead).
        try (Connection connection = TestDatabase.connect(schema)) {
            assertEquals(1, connection.createStatement().executeUpdate("UPDATE scheduled_tasks SET picked = 1,"
                    + " picked_by = 'dead-instance', execution_time = UTC_TIMESTAMP(6) - INTERVAL 11 MINUTE,"
                    + " last_heartbeat = UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE"));
        }
        Map<String, Object> second = properties(database);
        second.put("smp.axon.deadline-heartbeat", "1s");
        try (ApplicationContext running = ApplicationContext.run(second)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> count(schema, "ReminderFiredEvent") == 1);
        }
        assertEquals(0, count(schema, "scheduled_tasks"));
    }

    private static String firedMetadata(String schema) throws Exception {
        try (Connection connection = TestDatabase.connect(schema); ResultSet row = connection.createStatement().executeQuery(
                "SELECT meta_data FROM domain_event_entry WHERE payload_type LIKE '%ReminderFiredEvent'")) {
            row.next();
            return new String(row.getBytes(1), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aud1_aCommandWithoutAuditMetadataIsRefused() {
        try (ApplicationContext context = ApplicationContext.run(properties(TestDatabase.newSchema("metadata")))) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            assertThrows(MissingAuditMetadataException.class, () -> commands.sendAndWait(
                    new ReminderAggregate.ScheduleReminderCommand(UUID.randomUUID().toString(), 60_000)));
        }
    }

    private static long count(String schema, String what) throws Exception {
        String sql = what.equals("scheduled_tasks") ? "SELECT COUNT(*) FROM scheduled_tasks"
                : "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%" + what + "'";
        try (Connection connection = TestDatabase.connect(schema); ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
