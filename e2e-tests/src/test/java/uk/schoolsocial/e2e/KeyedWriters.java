package uk.schoolsocial.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The load of {@link WritesUnderFaultsE2E} (issue 11): clients that write incidents and
 * applications through the gateway, each write retried with its {@code Idempotency-Key} (which is
 * also its correlation id) until it is acknowledged or refused for good, and a prober that reads
 * the lists, so recovery is timed apart from the writes' retries. Everything is kept for checking.
 */
final class KeyedWriters {

    /** What the clients write, where, and the event that records it. */
    enum Kind {
        INCIDENT("/api/v1/incidents", "incident", "IncidentReportedEvent"),
        APPLICATION("/api/v1/applications", "account", "ApplicationSubmittedEvent");

        final String path;
        final String service;
        final String event;

        Kind(String path, String service, String event) {
            this.path = path;
            this.service = service;
            this.event = event;
        }

        String body(String key) {
            String text = "Fault test write " + key;
            if (this == INCIDENT) {
                return "{\"category\":\"DEFAMATORY_OR_OFFENSIVE_CONTENT\",\"whatHappened\":\"" + text + "\",\"occurredAt\":\""
                        + Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                        + "\",\"platform\":\"Facebook\",\"location\":\"https://facebook.com/groups/parents/posts/7\","
                        + "\"officialAccountInvolved\":false,\"peopleInvolved\":[{\"role\":\"PARENT\"}]}";
            }
            return "{\"platform\":\"FACEBOOK\",\"proposedName\":\"Oakfield Year 6 News\",\"aim\":\"" + text + "\","
                    + "\"audience\":\"Year 6 parents\",\"promotion\":\"Newsletter\","
                    + "\"administrators\":[\"staff-1\",\"staff-2\"],"
                    + "\"privacy\":\"PRIVATE\",\"privacyReason\":\"Approved parents only\"}";
        }
    }

    /**
     * One attempt: when it was sent and answered, and its status (0: no answer in time, or a broken
     * connection); {@code applied} for a 409 {@code IDEMPOTENCY_KEY_APPLIED}: the write was committed
     * but its answer was lost (its process died before storing it), so it must not be sent again.
     */
    record Attempt(Instant sent, Instant answered, int status, String location, boolean replayed, boolean applied) {
    }

    /** One write a client wants made, and everything it tried. */
    static final class Write {
        final Kind kind;
        final String key;
        final String body;
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();

        Write(Kind kind, String key) {
            this.kind = kind;
            this.key = key;
            this.body = kind.body(key);
        }

        Optional<Attempt> acknowledged() {
            return attempts.stream().filter(attempt -> attempt.status() / 100 == 2).findFirst();
        }

        /** Whether the service said the write was committed, though its answer was lost. */
        boolean applied() {
            return attempts.stream().anyMatch(Attempt::applied);
        }

        String id() {
            String location = acknowledged().orElseThrow().location();
            return location.substring(location.lastIndexOf('/') + 1);
        }

        /** e.g. {@code 502x3,504,201r}: the attempts' statuses in turn, {@code r} when the answer was replayed */
        String statuses() {
            StringBuilder out = new StringBuilder();
            String previous = null;
            int run = 0;
            for (Attempt attempt : attempts) {
                String status = attempt.status() + (attempt.replayed() ? "r" : "") + (attempt.applied() ? "a" : "");
                if (!status.equals(previous) && previous != null) {
                    out.append(out.length() > 0 ? "," : "").append(previous).append(run > 1 ? "x" + run : "");
                    run = 0;
                }
                previous = status;
                run++;
            }
            if (previous != null) {
                out.append(out.length() > 0 ? "," : "").append(previous).append(run > 1 ? "x" + run : "");
            }
            return out.toString();
        }
    }

    /** One read of a list through the gateway. */
    private record Probe(Kind kind, Instant sent, int status) {
    }

    final List<Write> writes = new CopyOnWriteArrayList<>();
    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final String gateway;
    private final String writerToken;
    private final String readerToken;
    private final Duration attemptTimeout;
    private final Duration giveUpAfter;
    private ExecutorService threads;

    /**
     * @param attemptTimeout how long a client waits for one answer
     * @param giveUpAfter how long a client retries one write before it gives up on it
     */
    KeyedWriters(URI gateway, String writerToken, String readerToken, Duration attemptTimeout, Duration giveUpAfter) {
        this.gateway = gateway.toString().replaceAll("/$", "");
        this.writerToken = writerToken;
        this.readerToken = readerToken;
        this.attemptTimeout = attemptTimeout;
        this.giveUpAfter = giveUpAfter;
    }

    void start(int clientsPerKind) {
        threads = Executors.newFixedThreadPool(2 * clientsPerKind + 1);
        for (int client = 0; client < 2 * clientsPerKind; client++) {
            Kind kind = Kind.values()[client % 2];
            int number = client;
            threads.submit(() -> write(kind, number));
        }
        threads.submit(this::probe);
    }

    /** Starts no new writes and waits for the clients to finish those under way. @return whether they did */
    boolean finish() throws InterruptedException {
        stopping.set(true);
        threads.shutdown();
        return threads.awaitTermination(giveUpAfter.toSeconds() + 30, TimeUnit.SECONDS);
    }

    private void write(Kind kind, int client) {
        for (int n = 0; !stopping.get(); n++) {
            Write write = new Write(kind, "fault-" + client + "-" + n + "-" + UUID.randomUUID().toString().substring(0, 8));
            writes.add(write);
            Instant first = Instant.now();
            while (Duration.between(first, Instant.now()).compareTo(giveUpAfter) < 0) {
                Attempt attempt = send(write);
                write.attempts.add(attempt);
                int status = attempt.status();
                if (status / 100 == 2 || status / 100 == 4 && status != 409 || attempt.applied()) {
                    break; // acknowledged, refused for good (and so not made), or applied with its answer lost
                }
                pause(500);
            }
            pause(300);
        }
    }

    /** Sends the write (again): the same body, key and correlation id. */
    Attempt send(Write write) {
        Instant sent = Instant.now();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + write.kind.path))
                .timeout(attemptTimeout)
                .header("Authorization", "Bearer " + writerToken)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", write.key)
                .header("X-Correlation-Id", write.key)
                .POST(HttpRequest.BodyPublishers.ofString(write.body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Attempt(sent, Instant.now(), response.statusCode(),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false),
                    response.statusCode() == 409 && response.body().contains("\"IDEMPOTENCY_KEY_APPLIED\""));
        } catch (IOException e) {
            return new Attempt(sent, Instant.now(), 0, null, false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(sent, Instant.now(), 0, null, false, false);
        }
    }

    private void probe() {
        while (!stopping.get()) {
            for (Kind kind : Kind.values()) {
                Instant sent = Instant.now();
                HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + kind.path + "?limit=1"))
                        .timeout(attemptTimeout).header("Authorization", "Bearer " + readerToken).GET().build();
                int status;
                try {
                    status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    status = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                probes.add(new Probe(kind, sent, status));
            }
            pause(200);
        }
    }

    /** @return from {@code since} until a read of that kind's list, sent after it, answered 200 */
    Duration awaitReadable(Kind kind, Instant since, Duration atMost) {
        Instant read = await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> probes.stream()
                .filter(probe -> probe.kind() == kind && probe.status() == 200 && probe.sent().isAfter(since))
                .map(Probe::sent).min(Instant::compareTo).orElse(null), Objects::nonNull);
        return Duration.between(since, read);
    }

    /** @return from {@code since} until a write of that kind, sent after it, was acknowledged */
    Duration awaitAcknowledged(Kind kind, Instant since, Duration atMost) {
        Instant answered = await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> writes.stream()
                .filter(write -> write.kind == kind).flatMap(write -> write.attempts.stream())
                .filter(attempt -> attempt.status() / 100 == 2 && attempt.sent().isAfter(since))
                .map(Attempt::answered).min(Instant::compareTo).orElse(null), Objects::nonNull);
        return Duration.between(since, answered);
    }

    /** @return how many attempts, sent between the two instants, were answered with {@code status} */
    long answered(int status, Instant from, Instant to) {
        return writes.stream().flatMap(write -> write.attempts.stream())
                .filter(attempt -> !attempt.sent().isBefore(from) && attempt.sent().isBefore(to))
                .filter(attempt -> attempt.status() == status).count();
    }

    /** @return how often each status was answered, {@code no answer} for none */
    Map<String, Long> statuses() {
        return writes.stream().flatMap(write -> write.attempts.stream())
                .collect(Collectors.groupingBy(attempt -> attempt.status() == 0 ? "no answer"
                        : Integer.toString(attempt.status()), java.util.TreeMap::new, Collectors.counting()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
