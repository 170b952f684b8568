package uk.schoolsocial.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the command bench reads around each window: the database server's global status counters
 * (commits, inserts, fsyncs, row-lock time: the whole server's, so other load counts too) and, given
 * a service's base URL, the chain head's wait and hold from its {@code /prometheus}; and the CPU time
 * of the processes on the path ({@link ProcessCpu}).
 */
final class ServerCounters {

    private static final List<String> COUNTERS = List.of("Com_commit", "Com_insert", "Com_update", "Com_select",
            "Com_delete", "Innodb_data_fsyncs", "Innodb_row_lock_waits", "Innodb_row_lock_time",
            "Questions");
    private static final Pattern CHAIN_LOCK = Pattern.compile(
            "^smp_audit_chain_lock_(wait|hold)_seconds_(count|sum)\\{[^}]*\\} ([0-9.Ee+-]+)$", Pattern.MULTILINE);

    private ServerCounters() {
    }

    /** Read before and after each measured window; the harness reports the difference per operation. */
    static CommandBench.Probe probe(String metricsBase) {
        String db = System.getProperty("bench.db");
        return () -> {
            Map<String, Double> values = new LinkedHashMap<>();
            if (db != null) {
                try (Connection connection = DriverManager.getConnection(db, System.getProperty("bench.db.user", "root"),
                        System.getProperty("bench.db.password", ""));
                     Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS")) {
                    Map<String, Double> all = new HashMap<>();
                    while (rows.next()) {
                        try {
                            all.put(rows.getString(1), Double.parseDouble(rows.getString(2)));
                        } catch (NumberFormatException notANumber) {
                            // not a counter
                        }
                    }
                    for (String counter : COUNTERS) {
                        values.put(counter, all.getOrDefault(counter, Double.NaN));
                    }
                }
            }
            if (metricsBase != null) {
                values.putAll(chainLockWait(metricsBase));
            }
            values.putAll(ProcessCpu.read());
            return values;
        };
    }

    private static Map<String, Double> chainLockWait(String base) throws IOException {
        String text;
        try (InputStream in = URI.create(base + "/prometheus").toURL().openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Matcher matcher = CHAIN_LOCK.matcher(text);
        while (matcher.find()) {
            boolean sum = matcher.group(2).equals("sum");
            if (matcher.group(1).equals("wait")) {
                values.put(sum ? "chainLockWaitMs" : "chainLocks", Double.parseDouble(matcher.group(3)) * (sum ? 1000 : 1));
            } else if (sum) {
                values.put("chainLockHoldMs", Double.parseDouble(matcher.group(3)) * 1000);
            }
        }
        return values;
    }
}
