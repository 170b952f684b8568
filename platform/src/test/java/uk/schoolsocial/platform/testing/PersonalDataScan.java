package uk.schoolsocial.platform.testing;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * AUD-4's proof of erasure: reads every column of every table of the service's schema (event
 * payloads and metadata, read models, idempotency answers, dead letters, sagas, deadlines...) as
 * UTF-8 text and names each place where any of the given texts is still readable.
 */
public final class PersonalDataScan {

    private PersonalDataScan() {
    }

    /** {@code table.column: text} for every readable occurrence; empty when none is left. */
    public static List<String> find(DataSource dataSource, List<String> texts) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement list = connection.prepareStatement(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                            + " AND table_type = 'BASE TABLE'");
                 ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement select = connection.prepareStatement("SELECT * FROM `" + table + "`");
                     ResultSet rows = select.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            byte[] bytes = rows.getBytes(column);
                            if (bytes == null) {
                                continue;
                            }
                            String value = new String(bytes, StandardCharsets.UTF_8);
                            for (String text : texts) {
                                if (value.contains(text)) {
                                    found.add(table + "." + rows.getMetaData().getColumnName(column) + ": " + text);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The number of tables scanned: a scan that read nothing would prove nothing. */
    public static int tables(DataSource dataSource) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
