package uk.schoolsocial.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures consent-service's publication check (CON-4) for 30 pupils at 50 concurrent clients,
 * through HTTP on loopback, against the service started from its jar on a real database.
 * Seeds a roster of pupils with parents and consent through the API first. Bounded: a fixed
 * number of requests per client and a deadline. Arguments: base URL, internal-token secret,
 * optional official account id (a LIVE account for OFFICIAL_SOCIAL_MEDIA; WEBSITE without one).
 * The checks are sent with {@code java.net.http} ({@code -Dbench.client=jdk}, the default) or, with
 * {@code -Dbench.client=socket}, over one kept-alive socket per client with plain HTTP/1.1, which
 * costs the shared CPU much less and leaves more of it to the service.
 */
public final class PublicationCheckBench {

    private static final int CLIENTS = 50;
    private static final int PUPILS_PER_CHECK = 30;
    private static final int ROSTER = 600;
    private static final int WARMUP_PER_CLIENT = 40;
    private static final int REQUESTS_PER_CLIENT = 200;
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final String SCHOOL = System.getProperty("bench.school", "bench-school");
    private static final String CLIENT = System.getProperty("bench.client", "jdk");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final InternalToken tokens;

    private PublicationCheckBench(String base, String secret) {
        this.base = base;
        this.tokens = new InternalToken(secret, SCHOOL);
    }

    public static void main(String[] args) throws Exception {
        String base = Loopback.require(args.length > 0 ? args[0] : "http://127.0.0.1:8083");
        String secret = args.length > 1 ? args[1] : System.getenv("SMP_INTERNAL_TOKEN_SECRET");
        String account = args.length > 2 ? args[2] : null;
        new PublicationCheckBench(base, secret).run(account);
    }

    private void run(String account) throws Exception {
        List<String> pupils = seed();
        String channel = account == null ? "WEBSITE" : "OFFICIAL_SOCIAL_MEDIA";
        String accountField = account == null ? "" : ",\"officialAccountId\":\"" + account + "\"";
        List<String> bodies = new ArrayList<>();
        for (int offset = 0; offset + PUPILS_PER_CHECK <= pupils.size(); offset += PUPILS_PER_CHECK) {
            bodies.add("{\"channel\":\"" + channel + "\"" + accountField + ",\"pupilIds\":["
                    + String.join(",", pupils.subList(offset, offset + PUPILS_PER_CHECK).stream()
                    .map(id -> "\"" + id + "\"").toList())
                    + "],\"caption\":\"Year 5 built a rain gauge in science today, well done everyone\","
                    + "\"altText\":\"A group of pupils from behind, holding a plastic bottle in the garden\"}");
        }
        System.out.printf("school %s: %d pupils on the roster with consent; %d clients, %d pupils per check;"
                + " %s client%n", SCHOOL, pupils.size(), CLIENTS, PUPILS_PER_CHECK, CLIENT);
        load(bodies, CLIENTS, WARMUP_PER_CLIENT, "warm-up, 50 clients");
        load(bodies, 1, 500, "1 client (service time)");
        load(bodies, CLIENTS, REQUESTS_PER_CLIENT, "measured, 50 clients");
    }

    /** Pushes the roster in calls of 100 pupils and records consent for every pupil through the API. */
    private List<String> seed() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < ROSTER; from += 100) {
            StringBuilder roster = new StringBuilder("{\"records\":[");
            for (int i = from; i < from + 100; i++) {
                String id = "bench-" + i;
                ids.add(id);
                roster.append(i == from ? "" : ",").append("{\"pupilId\":\"").append(id)
                        .append("\",\"forename\":\"Given").append(letters(i)).append("\",\"surname\":\"Family")
                        .append(letters(i)).append("\",\"yearGroup\":\"Year ").append(1 + i % 6)
                        .append("\",\"dateOfBirth\":\"2016-03-14\",\"parentalResponsibility\":[\"parent-").append(i)
                        .append("\"]}");
            }
            roster.append("]}");
            expect(send("/api/v1/pupils/roster", roster.toString(), token("mis", "INTEGRATION")), 200);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < ROSTER; i++) {
            int pupil = i;
            done.add(pool.submit(() -> {
                for (String channel : List.of("WEBSITE", "OFFICIAL_SOCIAL_MEDIA")) {
                    expect(send("/api/v1/pupils/bench-" + pupil + "/consents", "{\"channel\":\"" + channel
                            + "\",\"givenBy\":\"parent-" + pupil + "\",\"method\":\"PAPER_FORM\",\"formReference\":\"CF-"
                            + pupil + "\",\"givenOn\":\"2026-01-05\",\"validUntil\":\"2099-08-31\"}",
                            token("staff", "STAFF")), 201);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        return ids;
    }

    /** Each client sends its requests back to back; latencies in microseconds. */
    private void load(List<String> bodies, int clientCount, int perClient, String phase) throws Exception {
        long[] latencies = new long[clientCount * perClient];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(clientCount);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                try (Connection connection = "socket".equals(CLIENT) ? socket(base) : this::post) {
                    for (int r = 0; r < perClient && System.nanoTime() < deadline; r++) {
                        String bearer = token("staff", "STAFF");
                        String body = bodies.get((client + r) % bodies.size());
                        long sent = System.nanoTime();
                        try {
                            LeanHttp.Answer answer = connection.post("/api/v1/consents/checks", body, bearer);
                            latencies[next.getAndIncrement()] = (System.nanoTime() - sent) / 1_000;
                            if (answer.status() != 200) {
                                failed.incrementAndGet();
                            } else if (!answer.body().contains("\"allowed\":true")) {
                                refused.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] measured = Arrays.copyOf(latencies, next.get());
        Arrays.sort(measured);
        System.out.printf("%s: %d checks in %.1f s = %.0f checks/s; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " not allowed %d, failed %d%n", phase, measured.length, seconds, measured.length / seconds,
                percentile(measured, 50), percentile(measured, 90), percentile(measured, 99),
                measured[measured.length - 1] / 1000.0, refused.get(), failed.get());
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }

    private LeanHttp.Answer post(String path, String json, String bearer) throws Exception {
        HttpResponse<String> answer = send(path, json, bearer);
        return new LeanHttp.Answer(answer.statusCode(), answer.body());
    }

    private HttpResponse<String> send(String path, String json, String bearer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " from " + answer.uri() + ": " + answer.statusCode()
                    + " " + answer.body());
        }
    }

    private String token(String subject, String role) {
        return tokens.mint(subject, role);
    }


    /** Distinct letters-only suffixes, so that no name is a word of the caption. */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    /** The lean client (bench.client=socket): one kept-alive socket per client. */
    private static Connection socket(String base) {
        LeanHttp http = new LeanHttp(base, 120_000);
        return new Connection() {
            @Override
            public LeanHttp.Answer post(String path, String json, String bearer) throws IOException {
                return http.post(path, json, bearer);
            }

            @Override
            public void close() throws IOException {
                http.close();
            }
        };
    }

    /** One client's way of posting a check; closed when the client is done. */
    private interface Connection extends AutoCloseable {
        LeanHttp.Answer post(String path, String json, String bearer) throws Exception;

        @Override
        default void close() throws IOException {
        }
    }
}
