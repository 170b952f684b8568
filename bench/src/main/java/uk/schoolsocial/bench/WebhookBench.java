package uk.schoolsocial.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12: webhook deliveries per second, and the lag from a write's commit (its 2xx) to the
 * subscriber receiving its delivery, at 8 concurrent writers, against account-service started from
 * its jar on a real database (bench/webhooks-run.sh). A receiver on loopback subscribes to
 * {@code staff.rostered}; each writer pushes one new member of staff per {@code POST
 * /api/v1/staff/sync} (INTEGRATION), back to back. Arguments: base URL, internal-token secret.
 */
public final class WebhookBench {

    private static final int WRITERS = 8;
    private static final int WRITES_PER_WRITER = Integer.getInteger("bench.writes", 150);
    private static final String SCHOOL = "bench-school";
    private static final Pattern RECORD = Pattern.compile("\"recordId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final InternalToken tokens;
    /** Per staff id: when its write was answered, and when its delivery arrived (nanoTime). */
    private final Map<String, Long> committed = new ConcurrentHashMap<>();
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();

    private WebhookBench(String base, String secret) {
        this.base = base;
        this.tokens = new InternalToken(secret, SCHOOL);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18391";
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        new WebhookBench(base, args.length > 1 ? args[1] : System.getenv("SMP_INTERNAL_TOKEN_SECRET")).run();
    }

    private void run() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher record = RECORD.matcher(body);
            if (record.find() && delivered.putIfAbsent(record.group(1), now) != null) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        String subscription = UUID.randomUUID().toString();
        send("PUT", "/api/v1/webhooks/services/account/subscriptions/" + subscription, "INTEGRATION",
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\",\"secret\":\"whsec_"
                        + Base64.getEncoder().encodeToString(key) + "\",\"eventTypes\":[\"staff.rostered\"]}", 201);

        int total = WRITERS * WRITES_PER_WRITER;
        CountDownLatch done = new CountDownLatch(WRITERS);
        long started = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            new Thread(() -> {
                try {
                    for (int i = 0; i < WRITES_PER_WRITER; i++) {
                        String staffId = "bench-" + writer + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
                        send("POST", "/api/v1/staff/sync", "INTEGRATION", "{\"records\":[{\"staffId\":\"" + staffId
                                + "\",\"forename\":\"Bench\",\"surname\":\"Writer\"}]}", 200);
                        committed.put(staffId, System.nanoTime());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        long writesEnded = System.nanoTime();
        long deadline = writesEnded + Duration.ofMinutes(3).toNanos();
        while (!delivered.keySet().containsAll(committed.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long lastDelivery = delivered.values().stream().mapToLong(Long::longValue).max().orElse(writesEnded);
        receiver.stop(0);

        List<Long> lags = new ArrayList<>();
        committed.forEach((id, at) -> {
            Long got = delivered.get(id);
            if (got != null) {
                lags.add(got - at);
            }
        });
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        double writeSeconds = (writesEnded - started) / 1e9;
        double deliverySeconds = (lastDelivery - started) / 1e9;
        System.out.printf("writers %d, writes %d in %.1f s (%.0f/s)%n", WRITERS, committed.size(), writeSeconds,
                committed.size() / writeSeconds);
        System.out.printf("deliveries %d of %d (duplicates %d), the last %.1f s after the first write: %.0f/s%n",
                sorted.length, total, duplicates.get(), deliverySeconds, sorted.length / deliverySeconds);
        System.out.printf("lag from the write's 2xx to its delivery: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    private void send(String method, String path, String role, String json, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + tokens.mint("bench-" + role.toLowerCase(), role))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
