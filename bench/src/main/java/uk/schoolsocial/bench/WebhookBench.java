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
import java.util.concurrent.TimeUnit;
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
    /** Phase 2: the first delivery is held until this opens, so that the others queue up behind it. */
    private volatile CountDownLatch hold;
    private final CountDownLatch held = new CountDownLatch(1);

    private WebhookBench(String base, String secret) {
        this.base = base;
        this.tokens = new InternalToken(secret, SCHOOL);
    }

    public static void main(String[] args) throws Exception {
        String base = Loopback.require(args.length > 0 ? args[0] : "http://127.0.0.1:18391");
        new WebhookBench(base, args.length > 1 ? args[1] : System.getenv("SMP_INTERNAL_TOKEN_SECRET")).run();
    }

    private void run() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            CountDownLatch gate = hold;
            if (gate != null && held.getCount() > 0) {
                held.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
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

        System.out.println("phase 1, live: deliveries as the writes commit");
        long started = System.nanoTime();
        long writesEnded = write("live");
        awaitDeliveries(writesEnded);
        report(started, writesEnded);

        // Phase 2, backlog: the receiver holds the first delivery until every write is in, so the rest
        // queue up in the outbox; then the drain rate is what the dispatcher can send.
        committed.clear();
        delivered.clear();
        CountDownLatch release = new CountDownLatch(1);
        hold = release;
        write("backlog");
        long writesDone = System.nanoTime();
        if (!held.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("no delivery arrived to hold");
        }
        int queued = committed.size();
        long released = System.nanoTime();
        release.countDown();
        awaitDeliveries(released);
        long last = delivered.values().stream().mapToLong(Long::longValue).max().orElse(released);
        double drain = (last - released) / 1e9;
        System.out.printf("phase 2, backlog: %d deliveries queued behind a held one (writes ended %.1f s before the"
                + " release), drained in %.1f s: %.0f deliveries/s (duplicates %d, missing %d)%n", queued,
                (released - writesDone) / 1e9, drain, (delivered.size() - 1) / drain, duplicates.get(),
                queued - delivered.size());
        receiver.stop(0);
        System.exit(0);
    }

    /** 8 writers, each pushing new members of staff back to back; returns when the last write answered. */
    private long write(String phase) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            new Thread(() -> {
                try {
                    for (int i = 0; i < WRITES_PER_WRITER; i++) {
                        String staffId = "bench-" + phase + "-" + writer + "-" + i + "-"
                                + UUID.randomUUID().toString().substring(0, 8);
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
        return System.nanoTime();
    }

    private void awaitDeliveries(long from) throws InterruptedException {
        long deadline = from + Duration.ofMinutes(3).toNanos();
        while (!delivered.keySet().containsAll(committed.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private void report(long started, long writesEnded) {
        int total = WRITERS * WRITES_PER_WRITER;
        long lastDelivery = delivered.values().stream().mapToLong(Long::longValue).max().orElse(writesEnded);
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
