package uk.schoolsocial.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Creates each service's schema before the services start. Services could create their own
 * ({@code createDatabaseIfNotExist}), but then the character set would be the server's default,
 * latin1 on an unconfigured MariaDB before 11.6; here it is always utf8mb4, as in the compose
 * setup.
 */
final class Schemas {

    /** Every schema, in the order of {@link Deployable}. */
    static final List<String> ALL =
            Stream.of(Deployable.values())
                    .map(Deployable::schema)
                    .flatMap(Optional::stream)
                    .toList();

    private Schemas() {}

    static void createIfMissing(DatabaseServer server) {
        try (Connection connection =
                        DriverManager.getConnection(
                                server.serverUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            for (String schema : ALL) {
                statement.execute(
                        "CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4");
            }
        } catch (SQLException e) {
            throw new SuiteStartException(
                    "Cannot create the schemas " + ALL + " on " + server.url() + " as "
                            + server.user() + ": " + e.getMessage(),
                    e);
        }
    }
}
