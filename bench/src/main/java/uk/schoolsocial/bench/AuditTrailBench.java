package uk.schoolsocial.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;

/**
 * AUD-2/AUD-3 at scale: on a service whose event table holds a million events, measures in one run
 * (each three times, median) a raw sequential read of the table over JDBC, the NDJSON export through
 * the audit API, and the server-side verification of the whole chain, and reports export and
 * verification as ratios to the raw read. Arguments: service base URL, internal-token secret,
 * service name, JDBC URL of its schema, user, password, export file.
 */
public final class AuditTrailBench {

    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--key")) {
            printSigningKey(args[1], new InternalToken(args[2], System.getProperty("bench.school", "bench-school")), args[3]);
            return;
        }
        String base = Loopback.require(args[0]);
        InternalToken tokens = new InternalToken(args[1], System.getProperty("bench.school", "bench-school"));
        String service = args[2];
        String jdbc = args[3];
        Path exportFile = Path.of(args[6]);
        HttpClient http = HttpClient.newHttpClient();

        long events = count(jdbc, args[4], args[5]);
        System.out.printf(Locale.ROOT, "%,d events in the table%n", events);

        double[] raw = new double[RUNS];
        long rawBytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            rawBytes = rawRead(jdbc, args[4], args[5]);
            raw[i] = seconds(start);
            System.out.printf(Locale.ROOT, "raw read %d: %.2f s, %,d bytes%n", i + 1, raw[i], rawBytes);
        }
        double[] export = new double[RUNS];
        long exportBytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/"
                            + service + "/export")).header("Authorization", "Bearer " + tokens.mint("bench-auditor", "AUDITOR"))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("export answered " + answer.statusCode());
            }
            try (InputStream in = answer.body(); OutputStream out = Files.newOutputStream(exportFile)) {
                exportBytes = in.transferTo(out);
            }
            export[i] = seconds(start);
            System.out.printf(Locale.ROOT, "export %d: %.2f s, %,d bytes%n", i + 1, export[i], exportBytes);
        }
        double[] verify = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/"
                            + service + "/verifications")).header("Authorization", "Bearer " + tokens.mint("bench-auditor", "AUDITOR"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            verify[i] = seconds(start);
            if (answer.statusCode() != 200 || !answer.body().contains("\"intact\":true")) {
                throw new IllegalStateException("verification: " + answer.statusCode() + " " + answer.body());
            }
            System.out.printf(Locale.ROOT, "verification %d: %.2f s%n", i + 1, verify[i]);
        }
        double rawMedian = median(raw);
        double exportMedian = median(export);
        double verifyMedian = median(verify);
        System.out.println();
        System.out.println("| operation | median | events/s | MB/s | ratio to raw read |");
        System.out.println("|---|---|---|---|---|");
        row("raw sequential read (JDBC)", rawMedian, events, rawBytes, rawMedian);
        row("NDJSON export (HTTP)", exportMedian, events, exportBytes, rawMedian);
        row("server verification", verifyMedian, events, rawBytes, rawMedian);
    }

    /** The service's published checkpoint key, for the offline verification. */
    private static void printSigningKey(String base, InternalToken tokens, String service) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/" + service
                        + "/signing-key")).header("Authorization", "Bearer " + tokens.mint("bench-auditor", "AUDITOR")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        System.out.println(body.replaceAll(".*\"publicKey\":\"([^\"]+)\".*", "$1"));
    }

    private static void row(String what, double seconds, long events, long bytes, double raw) {
        System.out.printf(Locale.ROOT, "| %s | %.2f s | %,.0f | %.1f | %.2f |%n", what, seconds, events / seconds,
                bytes / seconds / 1e6, seconds / raw);
    }

    /** Every column of every row, in global_index order, in keyset chunks as the audit API reads. */
    private static long rawRead(String jdbc, String user, String password) throws Exception {
        long bytes = 0;
        long after = 0;
        try (Connection connection = DriverManager.getConnection(jdbc, user, password);
             PreparedStatement read = connection.prepareStatement("SELECT global_index, event_identifier, type,"
                     + " aggregate_identifier, sequence_number, payload_type, payload_revision, time_stamp, payload,"
                     + " meta_data FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 2000")) {
            while (true) {
                read.setLong(1, after);
                int rows = 0;
                try (ResultSet row = read.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        after = row.getLong(1);
                        for (int column = 2; column <= 8; column++) {
                            String value = row.getString(column);
                            bytes += value == null ? 0 : value.length();
                        }
                        bytes += row.getBytes(9).length + row.getBytes(10).length;
                    }
                }
                if (rows == 0) {
                    return bytes;
                }
            }
        }
    }

    private static long count(String jdbc, String user, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, user, password);
             ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
