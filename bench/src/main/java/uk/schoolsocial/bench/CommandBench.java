package uk.schoolsocial.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 13: the command path against the speed of the database, in one run on one database
 * (bench/command-run.sh). Each phase runs its operation in a closed loop (every client sends its
 * next one as soon as the last is answered) at 1 and then at 8 clients, for a fixed time after a
 * warm-up, and appends one line per client count to a results file; {@code report} prints them with
 * the ratio of each throughput to the raw INSERT + COMMIT at the same number of clients.
 * <ul>
 *   <li>{@code raw JDBC_URL USER PASSWORD RESULTS}: one durable INSERT + COMMIT per operation of an
 *       event-sized row (about 1 KB of payload, the columns of Axon's {@code domain_event_entry}),
 *       into a scratch schema, one connection per client;</li>
 *   <li>{@code http PHASE BASE_URL RESULTS}: {@code POST /api/v1/incidents}, with a fresh internal token
 *       per request (HS256, as the gateway mints it; {@code -Dbench.secret}) or one bearer token for
 *       every request ({@code -Dbench.bearer}, the gateway's dev token), over one kept-alive socket per
 *       client (plain HTTP/1.1: the client takes as little as it can of the two shared cores);</li>
 *   <li>{@code report RESULTS}.</li>
 * </ul>
 * Axon's command bus without HTTP is {@code AxonCommandBench}, compiled by the script against the
 * service jar it measures. Optional: {@code -Dbench.db=JDBC_URL} (user root, no password unless
 * {@code -Dbench.db.user}, {@code -Dbench.db.password}) samples the server's global status counters
 * around each measured window (commits, fsyncs, statements: the whole server's, so other load on it
 * counts too); {@code -Dbench.metrics=URL} reads the chain-head lock wait and hold from a service's
 * {@code /prometheus} around it.
 */
public final class CommandBench {

    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 5);
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    static final int[] CLIENTS = Arrays.stream(System.getProperty("bench.clients", "1,8").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static final String SCHOOL = "bench-school";
    /** The report of SuiteE2E: a category, what happened, when and where, and two people. */
    static final String REPORT = "{\"category\":\"PUPIL_CONTACT_WITH_STAFF\",\"whatHappened\":\"A Year 9 pupil sent a"
            + " friend request to a teacher's personal account.\",\"occurredAt\":\"2026-11-20T18:30:00Z\",\"platform\":"
            + "\"Instagram\",\"location\":\"Direct message\",\"officialAccountInvolved\":false,\"peopleInvolved\":["
            + "{\"role\":\"PUPIL\",\"description\":\"Year 9 pupil\"},{\"role\":\"STAFF\",\"rosterId\":\"staff-1\"}]}";

    private CommandBench() {
    }

    /** Makes each client's operation (its connection, socket...); closed when the client is done. */
    interface Client extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    @FunctionalInterface
    interface ClientFactory {
        Client open(int index) throws Exception;
    }

    /** Extra figures read around a measured window: name to value. */
    @FunctionalInterface
    interface Probe {
        Map<String, Double> read() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "raw" -> raw(args[1], args[2], args[3], Path.of(args[4]));
            case "http" -> http(args[1], args[2], Path.of(args[3]));
            case "report" -> CommandReport.print(Path.of(args[1]));
            default -> throw new IllegalArgumentException("raw | http | report: " + args[0]);
        }
    }

    // ---------------------------------------------------------------- phase 1: raw INSERT + COMMIT

    private static void raw(String url, String user, String password, Path results) throws Exception {
        Loopback.require(url.replaceFirst("^jdbc:", ""));
        String payload = "{\"incidentId\":\"%s\",\"note\":\"" + "a note of what was decided, ".repeat(34) + "\"}";
        String meta = "{\"actorId\":\"demo-staff\",\"actorRoles\":\"STAFF\",\"schoolId\":\"bench-school\","
                + "\"correlationId\":\"%s\",\"causationId\":\"%s\"}";
        ClientFactory clients = index -> {
            Connection connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier,"
                    + " meta_data, payload, payload_revision, payload_type, time_stamp, aggregate_identifier,"
                    + " sequence_number, type) VALUES (?, ?, ?, '1', 'uk.schoolsocial.events.bench.BenchRecordedEvent',"
                    + " ?, ?, 0, 'Bench')");
            return new Client() {
                @Override
                public void run() throws SQLException {
                    String id = UUID.randomUUID().toString();
                    insert.setString(1, id);
                    insert.setBytes(2, String.format(meta, id, id).getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(3, String.format(payload, id).getBytes(StandardCharsets.UTF_8));
                    insert.setString(4, java.time.Instant.now().toString());
                    insert.setString(5, id);
                    insert.executeUpdate();
                    connection.commit();
                }

                @Override
                public void close() throws SQLException {
                    connection.close();
                }
            };
        };
        System.out.printf("phase 1, raw INSERT + COMMIT: row of %d bytes of payload and %d of metadata%n",
                String.format(payload, UUID.randomUUID()).length(), String.format(meta, UUID.randomUUID(), UUID.randomUUID()).length());
        measure("1 raw INSERT+COMMIT", clients, probes(null), results);
    }

    // ---------------------------------------------------------------- phases 3 and 4: HTTP

    private static void http(String phase, String base, Path results) throws Exception {
        Loopback.require(base);
        String secret = System.getProperty("bench.secret");
        String bearer = System.getProperty("bench.bearer");
        InternalToken tokens = secret == null ? null : new InternalToken(secret, SCHOOL);
        if (tokens == null && bearer == null) {
            throw new IllegalArgumentException("-Dbench.secret (internal token) or -Dbench.bearer (gateway token)");
        }
        ClientFactory clients = index -> {
            LeanHttp connection = new LeanHttp(base, 60_000);
            return new Client() {
                @Override
                public void run() throws Exception {
                    String token = tokens != null ? tokens.mint("bench-staff-" + index, "STAFF") : bearer;
                    LeanHttp.Answer answer = connection.post("/api/v1/incidents", REPORT, token);
                    if (answer.status() != 201) {
                        throw new IllegalStateException("POST /api/v1/incidents answered " + answer.status() + ": "
                                + answer.body());
                    }
                }

                @Override
                public void close() throws IOException {
                    connection.close();
                }
            };
        };
        measure(phase, clients, probes(System.getProperty("bench.metrics")), results);
    }

    // ---------------------------------------------------------------- the closed loop

    /**
     * Warms up at the largest client count, then measures each count in turn for {@link #SECONDS},
     * appending a line per count to the results: phase, clients, operations, failures, seconds,
     * window (epoch ms, for the profile), p50, p90, p99, max (ms), then the probes' deltas per operation.
     */
    static void measure(String phase, ClientFactory factory, Probe probe, Path results) throws Exception {
        int most = Arrays.stream(CLIENTS).max().orElse(1);
        ClosedLoop.Window warm = ClosedLoop.run(factory, most, WARMUP_SECONDS);
        System.out.printf("%s: warm-up at %d clients, %d operations, %d failed%n", phase, most, warm.latencies().length,
                warm.failures());
        for (int clients : CLIENTS) {
            Map<String, Double> before = probe.read();
            ClosedLoop.Window window = ClosedLoop.run(factory, clients, SECONDS);
            Map<String, Double> after = probe.read();
            long[] sorted = window.latencies();
            Arrays.sort(sorted);
            double seconds = (window.endNanos() - window.startNanos()) / 1e9;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "%s\t%d\t%d\t%d\t%.3f\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f", phase, clients, sorted.length, window.failures(),
                    seconds, window.startEpochMs(), window.endEpochMs(), ClosedLoop.percentile(sorted, 50), ClosedLoop.percentile(sorted, 90),
                    ClosedLoop.percentile(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6));
            StringBuilder shown = new StringBuilder();
            for (Map.Entry<String, Double> entry : after.entrySet()) {
                double delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
                double per = sorted.length == 0 ? Double.NaN : delta / sorted.length;
                line.append(String.format(Locale.ROOT, "\t%s=%.4f", entry.getKey(), per));
                shown.append(String.format(Locale.ROOT, " %s %.2f", entry.getKey(), per));
            }
            Files.writeString(results, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.printf(Locale.ROOT, "%s, %d client(s): %d in %.1f s = %.0f/s, p50 %.2f ms, p99 %.2f ms, failed %d%n",
                    phase, clients, sorted.length, seconds, sorted.length / seconds, ClosedLoop.percentile(sorted, 50),
                    ClosedLoop.percentile(sorted, 99), window.failures());
            if (!shown.isEmpty()) {
                System.out.println("  per operation:" + shown);
            }
            if (window.firstFailure().get() != null) {
                System.out.println("  first failure: " + window.firstFailure().get());
            }
        }
    }

    /** The database server's status counters and, given a service's base URL, its chain-head figures. */
    static Probe probes(String metricsBase) {
        return ServerCounters.probe(metricsBase);
    }
}
