package uk.schoolsocial.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final List<String> COUNTERS = List.of("Com_commit", "Com_insert", "Com_update", "Com_select",
            "Com_delete", "Innodb_data_fsyncs", "Innodb_row_lock_waits", "Innodb_row_lock_time",
            "Questions");
    private static final Pattern CHAIN_LOCK = Pattern.compile(
            "^smp_audit_chain_lock_(wait|hold)_seconds_(count|sum)\\{[^}]*\\} ([0-9.Ee+-]+)$", Pattern.MULTILINE);

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
            case "report" -> report(Path.of(args[1]));
            default -> throw new IllegalArgumentException("raw | http | report: " + args[0]);
        }
    }

    // ---------------------------------------------------------------- phase 1: raw INSERT + COMMIT

    private static void raw(String url, String user, String password, Path results) throws Exception {
        requireLoopback(url.replaceFirst("^jdbc:", ""));
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
        requireLoopback(base);
        String secret = System.getProperty("bench.secret");
        String bearer = System.getProperty("bench.bearer");
        InternalToken tokens = secret == null ? null : new InternalToken(secret, SCHOOL);
        if (tokens == null && bearer == null) {
            throw new IllegalArgumentException("-Dbench.secret (internal token) or -Dbench.bearer (gateway token)");
        }
        ClientFactory clients = index -> {
            SocketConnection connection = new SocketConnection(base);
            return new Client() {
                @Override
                public void run() throws Exception {
                    String token = tokens != null ? tokens.mint("bench-staff-" + index, "STAFF") : bearer;
                    Answer answer = connection.post("/api/v1/incidents", REPORT, token);
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
        Window warm = loop(factory, most, WARMUP_SECONDS);
        System.out.printf("%s: warm-up at %d clients, %d operations, %d failed%n", phase, most, warm.latencies.length,
                warm.failures);
        for (int clients : CLIENTS) {
            Map<String, Double> before = probe.read();
            Window window = loop(factory, clients, SECONDS);
            Map<String, Double> after = probe.read();
            long[] sorted = window.latencies;
            Arrays.sort(sorted);
            double seconds = (window.endNanos - window.startNanos) / 1e9;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "%s\t%d\t%d\t%d\t%.3f\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f", phase, clients, sorted.length, window.failures,
                    seconds, window.startEpochMs, window.endEpochMs, percentile(sorted, 50), percentile(sorted, 90),
                    percentile(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6));
            StringBuilder shown = new StringBuilder();
            for (Map.Entry<String, Double> entry : after.entrySet()) {
                double delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
                double per = sorted.length == 0 ? Double.NaN : delta / sorted.length;
                line.append(String.format(Locale.ROOT, "\t%s=%.4f", entry.getKey(), per));
                shown.append(String.format(Locale.ROOT, " %s %.2f", entry.getKey(), per));
            }
            Files.writeString(results, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.printf(Locale.ROOT, "%s, %d client(s): %d in %.1f s = %.0f/s, p50 %.2f ms, p99 %.2f ms, failed %d%n",
                    phase, clients, sorted.length, seconds, sorted.length / seconds, percentile(sorted, 50),
                    percentile(sorted, 99), window.failures);
            if (!shown.isEmpty()) {
                System.out.println("  per operation:" + shown);
            }
            if (window.firstFailure.get() != null) {
                System.out.println("  first failure: " + window.firstFailure.get());
            }
        }
    }

    private record Window(long[] latencies, int failures, long startNanos, long endNanos, long startEpochMs,
                          long endEpochMs, AtomicReference<String> firstFailure) {
    }

    private static Window loop(ClientFactory factory, int clients, int seconds) throws Exception {
        List<Client> opened = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            opened.add(factory.open(i));
        }
        List<long[]> perClient = new ArrayList<>();
        int[] counts = new int[clients];
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            long[] latencies = new long[1 << 17];
            perClient.add(latencies);
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    long end = window[1];
                    Client client = opened.get(index);
                    while (true) {
                        long start = System.nanoTime();
                        if (start - end >= 0) {
                            break;
                        }
                        try {
                            client.run();
                            if (counts[index] < latencies.length) {
                                latencies[counts[index]++] = System.nanoTime() - start;
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                            Thread.sleep(10);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        ready.await();
        long startEpochMs = System.currentTimeMillis();
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        done.await();
        long endNanos = System.nanoTime();
        long endEpochMs = System.currentTimeMillis();
        for (Client client : opened) {
            client.close();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(perClient.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        return new Window(all, failures.get(), window[0], endNanos, startEpochMs, endEpochMs, firstFailure);
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    // ---------------------------------------------------------------- probes

    /** The database server's status counters and, given a service's base URL, its chain-lock wait. */
    static Probe probes(String metricsBase) {
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

    // ---------------------------------------------------------------- the report

    private static void report(Path results) throws IOException {
        List<String[]> lines = Files.readAllLines(results).stream().filter(line -> !line.isBlank())
                .map(line -> line.split("\t")).toList();
        Map<String, Double> raw = new HashMap<>();
        for (String[] line : lines) {
            if (line[0].startsWith("1 ")) {
                raw.put(line[1], Long.parseLong(line[2]) / Double.parseDouble(line[4]));
            }
        }
        System.out.println();
        System.out.println("| phase | clients | ops | failed | ops/s | ratio to raw | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String[] line : lines) {
            double throughput = Long.parseLong(line[2]) / Double.parseDouble(line[4]);
            Double base = raw.get(line[1]);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %s | %s | %s | %s |%n", line[0], line[1], line[2],
                    line[3], throughput, base == null ? "?" : String.format(Locale.ROOT, "%.1f %%", 100 * throughput / base),
                    line[7], line[9], line[10]);
        }
        System.out.println();
        System.out.println("Per operation, around each measured window (server-wide counters: other load counts too):");
        for (String[] line : lines) {
            if (line.length > 11) {
                System.out.printf("  %s, %s client(s): %s%n", line[0], line[1],
                        String.join(" ", Arrays.copyOfRange(line, 11, line.length)));
            }
        }
    }

    static void requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (host == null || !host.matches("127\\.0\\.0\\.1|localhost")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
    }

    // ---------------------------------------------------------------- HTTP/1.1 over one socket

    record Answer(int status, String body) {
    }

    /**
     * Plain HTTP/1.1 over one kept-alive socket (as PublicationCheckBench's lean client): the request
     * written in one go, the answer read by its Content-Length or chunks. Reconnects when the server closes.
     */
    static final class SocketConnection implements AutoCloseable {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        SocketConnection(String base) {
            URI uri = URI.create(base);
            this.host = uri.getHost();
            this.port = uri.getPort();
        }

        Answer post(String path, String json, String bearer) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(60_000);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
                    + bearer + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            try {
                out.write(request);
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private Answer read() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> closing = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(length, 256));
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length >= 0) {
                body.write(in.readNBytes(length));
            }
            if (closing) {
                close();
            }
            return new Answer(code, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }
}
